package com.kairos.domain.negotiation;

import com.kairos.domain.event.Event;
import java.util.List;
import java.util.Objects;

/**
 * What an accepted write produced: the negotiation after it, the history line to record, and what
 * happened, so callers react to outcomes instead of re-deriving them.
 */
public record Transition(Negotiation negotiation, Activity activity, Result result) {

  public Transition {
    Objects.requireNonNull(negotiation, "negotiation");
    Objects.requireNonNull(activity, "activity");
    Objects.requireNonNull(result, "result");
  }

  /** The three ways a write can leave a negotiation. */
  public sealed interface Result {}

  /** Still draft or active. */
  public record StillOpen() implements Result {}

  /** Everyone left agreed: the outcome and one confirmed event per agreeing participant. */
  public record Finalized(Outcome outcome, List<Event> events) implements Result {
    public Finalized {
      Objects.requireNonNull(outcome, "outcome");
      events = List.copyOf(events);
    }
  }

  /** Cancelled; {@code voidsEvents} when it had been finalized and its events must be cancelled. */
  public record Cancelled(CancelReason reason, boolean voidsEvents) implements Result {
    public Cancelled {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
