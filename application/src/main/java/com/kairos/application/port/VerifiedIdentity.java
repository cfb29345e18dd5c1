package com.kairos.application.port;

import com.kairos.domain.common.UserId;
import java.util.Objects;

/** Who a verified token says the caller is; {@code name} is the token's name claim or null. */
public record VerifiedIdentity(UserId userId, String name) {
  public VerifiedIdentity {
    Objects.requireNonNull(userId, "user id");
  }

  @Override
  public String toString() {
    return "VerifiedIdentity[" + userId + "]";
  }
}
