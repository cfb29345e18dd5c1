package com.kairos.application.negotiation;

import com.kairos.application.port.EventRepository;
import com.kairos.application.port.NegotiationStore;
import com.kairos.application.port.PushOutbox;
import com.kairos.domain.event.Event;
import com.kairos.domain.negotiation.Negotiation;
import com.kairos.domain.negotiation.NegotiationAction;
import com.kairos.domain.negotiation.Transition;
import com.kairos.domain.notification.Notice;
import com.kairos.domain.notification.Notices;
import java.time.Instant;
import java.util.List;

/**
 * The one place a transition is recorded, for every use case and job alike: the next state and its
 * history line, the notices it causes (queued in the same transaction), and the calendar events a
 * finalization confirms or a cancellation voids. A new side effect of a transition is added here.
 */
public final class TransitionRecorder {
  private final NegotiationStore negotiations;
  private final EventRepository events;
  private final PushOutbox outbox;

  public TransitionRecorder(
      NegotiationStore negotiations, EventRepository events, PushOutbox outbox) {
    this.negotiations = negotiations;
    this.events = events;
    this.outbox = outbox;
  }

  /** Writes what {@code transition} implies, inside the caller's transaction. */
  public void record(Transition transition, Instant now) {
    Negotiation next = transition.negotiation();
    if (transition.activity().action() == NegotiationAction.START) {
      negotiations.insert(next, transition.activity());
    } else {
      negotiations.update(next, transition.activity());
    }
    outbox.enqueue(Notices.of(transition), now);
    List<Event> confirmed = transition.result().confirmedEvents();
    if (!confirmed.isEmpty()) {
      events.insertAll(confirmed);
    }
    if (transition.result().voidsEvents()) {
      events.cancelForNegotiation(next.id(), now);
    }
  }

  /**
   * Queues the notices of expiries the sweep already wrote in bulk (state and history line in one
   * statement); {@code expired} are the negotiations as stored after it. An expiry confirms and
   * voids no event.
   */
  public void recordSwept(List<Negotiation> expired, Instant now) {
    List<Notice> notices = expired.stream().flatMap(n -> Notices.ofExpiry(n).stream()).toList();
    outbox.enqueue(notices, now);
  }
}
