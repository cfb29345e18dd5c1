package com.kairos.application.port;

import com.kairos.domain.common.NegotiationId;
import java.util.Objects;

/** A position in a listing of history lines across negotiations: a negotiation and a version. */
public record ActivityPosition(NegotiationId negotiationId, long version) {
  public ActivityPosition {
    Objects.requireNonNull(negotiationId, "negotiationId");
  }
}
