package com.kairos.application.negotiation;

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

/** Sends a draft to its invitees (draft → active); the owner's alone. */
public final class SendNegotiation {
  private final Transactions transactions;
  private final NegotiationRepository negotiations;
  private final PushOutbox outbox;
  private final Clock clock;

  public SendNegotiation(
      Transactions transactions,
      NegotiationRepository negotiations,
      PushOutbox outbox,
      Clock clock) {
    this.transactions = transactions;
    this.negotiations = negotiations;
    this.outbox = outbox;
    this.clock = clock;
  }

  public Negotiation send(UserId actor, NegotiationId id, Long expectedVersion) {
    return transactions.inTransaction(
        () -> {
          Negotiation current = Negotiations.lock(negotiations, id);
          Instant now = Timestamps.now(clock);
          Transition t = current.send(actor, expectedVersion, now);
          negotiations.update(t.negotiation(), t.activity());
          outbox.enqueue(Notices.of(Optional.of(current), t), now);
          return t.negotiation();
        });
  }
}
