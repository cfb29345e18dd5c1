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

/** Cancels a draft, active or finalized negotiation (the owner's alone), voiding its events. */
public final class CancelNegotiation {
  private final Transactions transactions;
  private final NegotiationStore negotiations;
  private final TransitionRecorder recorder;
  private final Clock clock;

  public CancelNegotiation(
      Transactions transactions,
      NegotiationStore negotiations,
      TransitionRecorder recorder,
      Clock clock) {
    this.transactions = transactions;
    this.negotiations = negotiations;
    this.recorder = recorder;
    this.clock = clock;
  }

  public Negotiation cancel(UserId actor, NegotiationId id, Long expectedVersion) {
    return transactions.inTransaction(
        () -> {
          Instant now = Timestamps.now(clock);
          Negotiation current = Negotiations.lock(negotiations, id);
          Transition t = current.cancel(actor, expectedVersion, now);
          recorder.record(t, now);
          return t.negotiation();
        });
  }
}
