package com.kairos.application.account;

import com.kairos.application.port.AuthenticationFailed;
import com.kairos.application.port.IdentityVerifier;
import com.kairos.application.port.VerifiedIdentity;
import java.time.Instant;
import java.util.Optional;

/**
 * Refuses the tokens of a deleted account: a token whose {@code iat} is not later than the deletion
 * refused as revoked, however it was verified (remembered tokens included, as this wraps the
 * verifier and its cache). A token issued after the deletion is a new sign-in and starts a fresh
 * account.
 */
public final class RevokedAccountsVerifier implements IdentityVerifier {
  private final IdentityVerifier verifier;
  private final RevokedAccounts revoked;

  public RevokedAccountsVerifier(IdentityVerifier verifier, RevokedAccounts revoked) {
    this.verifier = verifier;
    this.revoked = revoked;
  }

  @Override
  public VerifiedIdentity verify(String token) {
    VerifiedIdentity identity = verifier.verify(token);
    Optional<Instant> deleted = revoked.deletedAt(identity.userId());
    if (deleted.isPresent()
        && (identity.issuedAt() == null || !identity.issuedAt().isAfter(deleted.get()))) {
      throw new AuthenticationFailed(
          AuthenticationFailed.Reason.REVOKED_TOKEN, "the account of this token was deleted");
    }
    return identity;
  }
}
