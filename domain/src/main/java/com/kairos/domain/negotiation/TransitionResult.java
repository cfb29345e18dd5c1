package com.kairos.domain.negotiation;

import com.kairos.domain.event.Event;
import java.util.List;
import java.util.Objects;

/**
 * The ways a write can leave a negotiation; a sealed type, so a {@code switch} or {@code
 * instanceof} chain over it is checked against every case. Its own type, beside {@link Transition},
 * so the parts that decide it need not name the aggregate.
 */
public sealed interface TransitionResult {
  /** The calendar events this result creates (only a finalization creates any). */
  default List<Event> confirmedEvents() {
    return List.of();
  }

  /** Whether the negotiation's events must be cancelled (a finalized one was cancelled). */
  default boolean voidsEvents() {
    return false;
  }

  /** Still draft or active. */
  public record StillOpen() implements TransitionResult {}

  /** Everyone left agreed: the outcome and one confirmed event per agreeing participant. */
  public record Finalized(Outcome outcome, List<Event> events) implements TransitionResult {
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
  public record Cancelled(CancelReason reason, boolean voidsEvents) implements TransitionResult {
    public Cancelled {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * Already finalized or cancelled, and stays so: only the blobs of a participant who deleted their
   * account were removed.
   */
  public record Scrubbed() implements TransitionResult {}
}
