package com.kairos.application.negotiation;

import com.kairos.application.port.NegotiationStore;
import com.kairos.application.port.Transactions;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.Timestamps;
import com.kairos.domain.common.UserId;
import com.kairos.domain.negotiation.Negotiation;
import java.time.Clock;

/**
 * Reads one negotiation as a participant sees it now (not found when unknown or a foreign draft,
 * denied to strangers).
 */
public final class GetNegotiation {
  private final Transactions transactions;
  private final NegotiationStore negotiations;
  private final Clock clock;

  public GetNegotiation(Transactions transactions, NegotiationStore negotiations, Clock clock) {
    this.transactions = transactions;
    this.negotiations = negotiations;
    this.clock = clock;
  }

  public Negotiation get(UserId caller, NegotiationId id) {
    // One statement loads the negotiation with everything in it: no transaction needed.
    return transactions.reading(
        () -> {
          Negotiation negotiation = Negotiations.get(negotiations, id);
          negotiation.requireReadableBy(caller);
          return negotiation.asOf(Timestamps.now(clock));
        });
  }
}
