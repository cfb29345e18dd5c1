package com.kairos.domain.negotiation;

import com.kairos.domain.event.Event;
import java.util.List;
import java.util.Objects;

/**
 * What an accepted write produced: the negotiation after it, the history line to record, and what
 * happened, so callers react to outcomes instead of re-deriving them. The aggregate's return value,
 * so it is the one part of the negotiation package besides the aggregate that names it.
 */
public record Transition(Negotiation negotiation, Activity activity, Result result) {

  public Transition {
    Objects.requireNonNull(negotiation, "negotiation");
    Objects.requireNonNull(activity, "activity");
    Objects.requireNonNull(result, "result");
  }

  /**
   * The ways a write can leave a negotiation; a sealed type, so a {@code switch} or {@code
   * instanceof} chain over it is checked against every case.
   */
  public sealed interface Result {
    /** The calendar events this result creates (only a finalization creates any). */
    default List<Event> confirmedEvents() {
      return List.of();
    }

    /** Whether the negotiation's events must be cancelled (a finalized one was cancelled). */
    default boolean voidsEvents() {
      return false;
    }
  }

  /** Still draft or active. */
  public record StillOpen() implements Result {}

  /** Everyone left agreed: the outcome and one confirmed event per agreeing participant. */
  public record Finalized(Outcome outcome, List<Event> events) implements Result {
    public Finalized {
      Objects.requireNonNull(outcome, "outcome");
      events = List.copyOf(events);
    }

    @Override
    public List<Event> confirmedEvents() {
      return events;
    }
  }

  /** Cancelled; {@code voidsEvents} when it had been finalized and its events must be cancelled. */
  public record Cancelled(CancelReason reason, boolean voidsEvents) implements Result {
    public Cancelled {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * Already finalized or cancelled, and stays so: only the blobs of a participant who deleted their
   * account were removed.
   */
  public record Scrubbed() implements Result {}
}
