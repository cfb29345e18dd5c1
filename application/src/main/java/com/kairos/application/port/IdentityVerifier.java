package com.kairos.application.port;

/** Outbound port: turns a bearer token into a verified identity, or refuses it. */
public interface IdentityVerifier {

  /**
   * Verifies {@code token} (without the {@code Bearer} prefix).
   *
   * @throws AuthenticationFailed with the reason the token was refused
   */
  VerifiedIdentity verify(String token);
}
