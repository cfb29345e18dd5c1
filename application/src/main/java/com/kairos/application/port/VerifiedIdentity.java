package com.kairos.application.port;

import com.kairos.domain.common.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * Who a verified token says the caller is; {@code name} is the token's name claim and {@code
 * expiresAt} its expiry, either of which may be null.
 */
public record VerifiedIdentity(UserId userId, String name, Instant expiresAt) {
  public VerifiedIdentity {
    Objects.requireNonNull(userId, "user id");
  }

  public VerifiedIdentity(UserId userId, String name) {
    this(userId, name, null);
  }

  @Override
  public String toString() {
    return "VerifiedIdentity[" + userId + "]";
  }
}
