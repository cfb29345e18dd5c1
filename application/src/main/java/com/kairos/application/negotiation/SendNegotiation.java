package com.kairos.application.negotiation;

import com.kairos.application.port.NegotiationStore;
import com.kairos.application.port.Transactions;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.UserId;
import com.kairos.domain.negotiation.Negotiation;
import java.time.Clock;

/** Sends a draft to its invitees (draft → active); the owner's alone. */
public final class SendNegotiation {
  private final OwnerWrite write;

  public SendNegotiation(
      Transactions transactions,
      NegotiationStore negotiations,
      TransitionRecorder recorder,
      Clock clock) {
    this.write = new OwnerWrite(transactions, negotiations, recorder, clock);
  }

  public Negotiation send(UserId actor, NegotiationId id, Long expectedVersion) {
    return write.apply(id, (current, now) -> current.send(actor, expectedVersion, now));
  }
}
