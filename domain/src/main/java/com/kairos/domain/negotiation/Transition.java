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

  /** The ways a write can leave a negotiation. */
  public sealed interface Result {
    /** Calls the {@code visitor} method for this result. */
    <R> R accept(Visitor<R> visitor);

    /** The calendar events this result creates (only a finalization creates any). */
    List<Event> confirmedEvents();

    /** Whether the negotiation's events must be cancelled (a finalized one was cancelled). */
    boolean voidsEvents();
  }

  /** One method per result, so a new one is a compile error until every visitor handles it. */
  public interface Visitor<R> {
    R stillOpen(StillOpen result);

    R finalized(Finalized result);

    R cancelled(Cancelled result);

    R scrubbed(Scrubbed result);
  }

  /** Still draft or active. */
  public record StillOpen() implements Result {
    @Override
    public List<Event> confirmedEvents() {
      return List.of();
    }

    @Override
    public boolean voidsEvents() {
      return false;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.stillOpen(this);
    }
  }

  /** Everyone left agreed: the outcome and one confirmed event per agreeing participant. */
  public record Finalized(Outcome outcome, List<Event> events) implements Result {
    public Finalized {
      Objects.requireNonNull(outcome, "outcome");
      events = List.copyOf(events);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.finalized(this);
    }

    @Override
    public List<Event> confirmedEvents() {
      return events;
    }

    @Override
    public boolean voidsEvents() {
      return false;
    }
  }

  /** Cancelled; {@code voidsEvents} when it had been finalized and its events must be cancelled. */
  public record Cancelled(CancelReason reason, boolean voidsEvents) implements Result {
    public Cancelled {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.cancelled(this);
    }

    @Override
    public List<Event> confirmedEvents() {
      return List.of();
    }
  }

  /**
   * Already finalized or cancelled, and stays so: only the blobs of a participant who deleted their
   * account were removed.
   */
  public record Scrubbed() implements Result {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.scrubbed(this);
    }

    @Override
    public List<Event> confirmedEvents() {
      return List.of();
    }

    @Override
    public boolean voidsEvents() {
      return false;
    }
  }
}
