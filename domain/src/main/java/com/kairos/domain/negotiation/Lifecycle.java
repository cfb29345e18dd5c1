package com.kairos.domain.negotiation;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a negotiation stands in its life: its state, why it was cancelled, what it settled on, when
 * it expires and when it was first sent. {@code cancelReason} is set exactly when it is cancelled;
 * a finalized negotiation has an outcome (and keeps it if later cancelled); {@code activatedAt} is
 * null while it is (or was cancelled as) a draft.
 */
public record Lifecycle(
    NegotiationState state,
    CancelReason cancelReason,
    Outcome outcome,
    Instant expiresAt,
    Instant activatedAt) {

  public Lifecycle {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(expiresAt, "expiresAt");
    if ((state == NegotiationState.CANCELLED) != (cancelReason != null)) {
      throw new IllegalArgumentException("the cancel reason is set exactly when cancelled");
    }
    if (state == NegotiationState.FINALIZED && outcome == null) {
      throw new IllegalArgumentException("a finalized negotiation has an outcome");
    }
  }

  /** A new negotiation's lifecycle: active ones count as sent at once. */
  static Lifecycle started(NegotiationState initial, Instant expiresAt, Instant now) {
    return new Lifecycle(
        initial, null, null, expiresAt, initial == NegotiationState.ACTIVE ? now : null);
  }

  /** See {@link Expiry#isDue}. */
  public boolean isExpiredAt(Instant now) {
    return Expiry.isDue(state, expiresAt, now);
  }

  /** Whether it has expired, read at {@code now} or already written by the sweep. */
  boolean hasExpired(Instant now) {
    return isExpiredAt(now) || cancelReason == Expiry.REASON;
  }

  boolean wasSent() {
    return activatedAt != null;
  }

  Lifecycle sent(Instant now) {
    return new Lifecycle(NegotiationState.ACTIVE, null, outcome, expiresAt, now);
  }

  Lifecycle cancelled(CancelReason reason) {
    return new Lifecycle(NegotiationState.CANCELLED, reason, outcome, expiresAt, activatedAt);
  }

  Lifecycle expired() {
    return new Lifecycle(Expiry.STATE, Expiry.REASON, outcome, expiresAt, activatedAt);
  }

  Lifecycle finalized(Outcome settled) {
    return new Lifecycle(NegotiationState.FINALIZED, null, settled, expiresAt, activatedAt);
  }
}
