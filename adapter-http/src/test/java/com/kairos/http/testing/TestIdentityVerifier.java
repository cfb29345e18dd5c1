package com.kairos.http.testing;

import com.kairos.application.port.AuthenticationFailed;
import com.kairos.application.port.AuthenticationFailed.Reason;
import com.kairos.application.port.IdentityVerifier;
import com.kairos.application.port.VerifiedIdentity;
import com.kairos.domain.common.UserId;

/**
 * Accepts tokens of the form {@code valid:<uid>} or {@code valid:<uid>:<name>}, and {@code
 * signedin:<uid>:<auth_time>:<iat>} (epoch seconds) for the rules that read those claims; {@code
 * expired}, {@code revoked} and {@code explode} produce those outcomes; anything else is invalid.
 */
public final class TestIdentityVerifier implements IdentityVerifier {

  public static String token(UserId user) {
    return "valid:" + user.value();
  }

  /** A token whose user signed in at {@code authTime} and that was issued at {@code issuedAt}. */
  public static String signedIn(
      UserId user, java.time.Instant authTime, java.time.Instant issuedAt) {
    return "signedin:"
        + user.value()
        + ":"
        + authTime.getEpochSecond()
        + ":"
        + issuedAt.getEpochSecond();
  }

  @Override
  public VerifiedIdentity verify(String token) {
    if (token.startsWith("signedin:")) {
      String[] parts = token.split(":", 4);
      return new VerifiedIdentity(
          new UserId(parts[1]),
          null,
          null,
          java.time.Instant.ofEpochSecond(Long.parseLong(parts[3])),
          java.time.Instant.ofEpochSecond(Long.parseLong(parts[2])));
    }
    if (token.startsWith("valid:")) {
      String[] parts = token.split(":", 3);
      return new VerifiedIdentity(new UserId(parts[1]), parts.length > 2 ? parts[2] : null);
    }
    switch (token) {
      case "expired":
        throw new AuthenticationFailed(Reason.EXPIRED_TOKEN, "expired");
      case "revoked":
        throw new AuthenticationFailed(Reason.REVOKED_TOKEN, "revoked");
      case "explode":
        throw new IllegalStateException("the verifier broke");
      default:
        throw new AuthenticationFailed(Reason.INVALID_TOKEN, "invalid");
    }
  }
}
