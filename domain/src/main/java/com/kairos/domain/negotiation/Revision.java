package com.kairos.domain.negotiation;

import com.kairos.domain.common.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * Who changed a negotiation last, how, and when, at which version (from 1). {@code lastActorId} is
 * null when the system acted (expiry).
 */
public record Revision(
    long version,
    UserId lastActorId,
    NegotiationAction lastAction,
    Instant createdAt,
    Instant updatedAt) {

  public Revision {
    if (version < 1) {
      throw new IllegalArgumentException("version must be >= 1");
    }
    Objects.requireNonNull(lastAction, "lastAction");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  static Revision first(UserId owner, Instant now) {
    return new Revision(1, owner, NegotiationAction.START, now, now);
  }

  /** The revision a write by {@code actor} (null: the system) at {@code now} produces. */
  Revision next(UserId actor, NegotiationAction action, Instant now) {
    return new Revision(version + 1, actor, action, createdAt, now);
  }

  /** As an unswept expiry reads: the sweep's version and action, the stored time. */
  Revision expiredAsRead() {
    return new Revision(Expiry.versionAfter(version), null, Expiry.ACTION, createdAt, updatedAt);
  }
}
