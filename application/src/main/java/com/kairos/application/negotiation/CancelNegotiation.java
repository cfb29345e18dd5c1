package com.kairos.application.negotiation;

import com.kairos.application.port.EventRepository;
import com.kairos.application.port.NegotiationRepository;
import com.kairos.application.port.PushOutbox;
import com.kairos.application.port.Transactions;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.Timestamps;
import com.kairos.domain.common.UserId;
import com.kairos.domain.negotiation.Negotiation;
import com.kairos.domain.negotiation.Transition;
import com.kairos.domain.notification.Notices;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Cancels a draft, active or finalized negotiation (the owner's alone), voiding its events. */
public final class CancelNegotiation {
  private final Transactions transactions;
  private final NegotiationRepository negotiations;
  private final PushOutbox outbox;
  private final EventRepository events;
  private final Clock clock;

  public CancelNegotiation(
      Transactions transactions,
      NegotiationRepository negotiations,
      PushOutbox outbox,
      EventRepository events,
      Clock clock) {
    this.transactions = transactions;
    this.negotiations = negotiations;
    this.outbox = outbox;
    this.events = events;
    this.clock = clock;
  }

  public Negotiation cancel(UserId actor, NegotiationId id, Long expectedVersion) {
    return transactions.inTransaction(
        () -> {
          Instant now = Timestamps.now(clock);
          Negotiation current = Negotiations.lock(negotiations, id);
          Transition t = current.cancel(actor, expectedVersion, now);
          negotiations.update(t.negotiation(), t.activity());
          outbox.enqueue(Notices.of(Optional.of(current), t), now);
          if (t.result().voidsEvents()) {
            events.cancelForNegotiation(id, now);
          }
          return t.negotiation();
        });
  }
}
