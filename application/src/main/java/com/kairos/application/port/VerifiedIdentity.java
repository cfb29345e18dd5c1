package com.kairos.application.port;

import com.kairos.domain.common.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * Who a verified token says the caller is. {@code name} is the token's name claim, {@code
 * expiresAt} its expiry, {@code issuedAt} its {@code iat} (a deleted account refuses tokens issued
 * before its deletion) and {@code authTime} when the user last signed in (deleting an account needs
 * a recent one); any but the user id may be null.
 */
public record VerifiedIdentity(
    UserId userId, String name, Instant expiresAt, Instant issuedAt, Instant authTime) {
  public VerifiedIdentity {
    Objects.requireNonNull(userId, "user id");
  }

  public VerifiedIdentity(UserId userId, String name, Instant expiresAt) {
    this(userId, name, expiresAt, null, null);
  }

  public VerifiedIdentity(UserId userId, String name) {
    this(userId, name, null, null, null);
  }

  @Override
  public String toString() {
    return "VerifiedIdentity[" + userId + "]";
  }
}
