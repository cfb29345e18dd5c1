package com.kairos.application.negotiation;

import com.kairos.application.port.NegotiationStore;
import com.kairos.application.port.Transactions;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.Timestamps;
import com.kairos.domain.common.UserId;
import com.kairos.domain.negotiation.Negotiation;
import com.kairos.domain.negotiation.Transition;
import java.time.Clock;
import java.time.Instant;

/** Sends a draft to its invitees (draft → active); the owner's alone. */
public final class SendNegotiation {
  private final Transactions transactions;
  private final NegotiationStore negotiations;
  private final TransitionRecorder recorder;
  private final Clock clock;

  public SendNegotiation(
      Transactions transactions,
      NegotiationStore negotiations,
      TransitionRecorder recorder,
      Clock clock) {
    this.transactions = transactions;
    this.negotiations = negotiations;
    this.recorder = recorder;
    this.clock = clock;
  }

  public Negotiation send(UserId actor, NegotiationId id, Long expectedVersion) {
    return transactions.inTransaction(
        () -> {
          Negotiation current = Negotiations.lock(negotiations, id);
          Instant now = Timestamps.now(clock);
          Transition t = current.send(actor, expectedVersion, now);
          recorder.record(t, now);
          return t.negotiation();
        });
  }
}
