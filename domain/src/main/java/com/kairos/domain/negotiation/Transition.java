package com.kairos.domain.negotiation;

import java.util.Objects;

/**
 * What an accepted write produced: the negotiation after it, the history line to record, and what
 * happened, so callers react to outcomes instead of re-deriving them. The aggregate's return value,
 * so it is the one part of the negotiation package besides the aggregate that names it.
 */
public record Transition(Negotiation negotiation, Activity activity, TransitionResult result) {

  public Transition {
    Objects.requireNonNull(negotiation, "negotiation");
    Objects.requireNonNull(activity, "activity");
    Objects.requireNonNull(result, "result");
  }
}
