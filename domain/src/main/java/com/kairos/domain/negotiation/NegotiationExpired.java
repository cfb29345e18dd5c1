package com.kairos.domain.negotiation;

import java.time.Instant;
import java.util.Objects;

/** The negotiation passed its expiry; every write is refused. */
public final class NegotiationExpired extends TransitionRefused {
  private static final long serialVersionUID = 1L;
  private final Instant expiredAt;

  public NegotiationExpired(Instant expiredAt, NegotiationAction requestedAction) {
    super(NegotiationState.CANCELLED, requestedAction, "the negotiation has expired");
    this.expiredAt = Objects.requireNonNull(expiredAt);
  }

  public Instant expiredAt() {
    return expiredAt;
  }
}
