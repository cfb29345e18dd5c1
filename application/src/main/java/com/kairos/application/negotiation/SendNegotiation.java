package com.kairos.application.negotiation;

import com.kairos.application.port.NegotiationRepository;
import com.kairos.application.port.Transactions;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.Timestamps;
import com.kairos.domain.common.UserId;
import com.kairos.domain.negotiation.Negotiation;
import com.kairos.domain.negotiation.Transition;
import java.time.Clock;

/** Sends a draft to its invitees (draft → active); the owner's alone. */
public final class SendNegotiation {
  private final Transactions transactions;
  private final NegotiationRepository negotiations;
  private final Clock clock;

  public SendNegotiation(
      Transactions transactions, NegotiationRepository negotiations, Clock clock) {
    this.transactions = transactions;
    this.negotiations = negotiations;
    this.clock = clock;
  }

  public Negotiation send(UserId actor, NegotiationId id, Long expectedVersion) {
    return transactions.inTransaction(
        () -> {
          Negotiation current = Negotiations.lock(negotiations, id);
          Transition t = current.send(actor, expectedVersion, Timestamps.now(clock));
          negotiations.update(t.negotiation(), t.activity());
          return t.negotiation();
        });
  }
}
