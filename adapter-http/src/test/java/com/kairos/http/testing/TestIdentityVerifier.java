package com.kairos.http.testing;

import com.kairos.application.port.AuthenticationFailed;
import com.kairos.application.port.AuthenticationFailed.Reason;
import com.kairos.application.port.IdentityVerifier;
import com.kairos.application.port.VerifiedIdentity;
import com.kairos.domain.common.UserId;

/**
 * Accepts tokens of the form {@code valid:<uid>} or {@code valid:<uid>:<name>}; {@code expired},
 * {@code revoked} and {@code explode} produce those outcomes; anything else is invalid.
 */
public final class TestIdentityVerifier implements IdentityVerifier {

  public static String token(UserId user) {
    return "valid:" + user.value();
  }

  @Override
  public VerifiedIdentity verify(String token) {
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
