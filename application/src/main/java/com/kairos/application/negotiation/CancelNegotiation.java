package com.kairos.application.negotiation;

import com.kairos.application.port.NegotiationStore;
import com.kairos.application.port.Transactions;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.UserId;
import com.kairos.domain.negotiation.Negotiation;
import java.time.Clock;

/** Cancels a draft, active or finalized negotiation (the owner's alone), voiding its events. */
public final class CancelNegotiation {
  private final OwnerWrite write;

  public CancelNegotiation(
      Transactions transactions,
      NegotiationStore negotiations,
      TransitionRecorder recorder,
      Clock clock) {
    this.write = new OwnerWrite(transactions, negotiations, recorder, clock);
  }

  public Negotiation cancel(UserId actor, NegotiationId id, Long expectedVersion) {
    return write.apply(id, (current, now) -> current.cancel(actor, expectedVersion, now));
  }
}
