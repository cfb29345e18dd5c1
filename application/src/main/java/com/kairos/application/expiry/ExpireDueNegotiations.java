package com.kairos.application.expiry;

import com.kairos.application.negotiation.TransitionRecorder;
import com.kairos.application.port.NegotiationSweep;
import com.kairos.application.port.Transactions;
import com.kairos.domain.common.Timestamps;
import com.kairos.domain.negotiation.Negotiation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background sweep: persists every due expiry, one batch per transaction, so several server
 * instances can sweep at once (each batch skips rows another sweeper holds). An expiry is written
 * once, by whichever sweep takes the row, and that transaction also writes its notifications.
 */
public final class ExpireDueNegotiations {
  private static final Logger LOG = LoggerFactory.getLogger(ExpireDueNegotiations.class);

  private final Transactions transactions;
  private final NegotiationSweep negotiations;
  private final TransitionRecorder recorder;
  private final Clock clock;
  private final int batchSize;

  public ExpireDueNegotiations(
      Transactions transactions,
      NegotiationSweep negotiations,
      TransitionRecorder recorder,
      Clock clock,
      int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be positive");
    }
    this.transactions = transactions;
    this.negotiations = negotiations;
    this.recorder = recorder;
    this.clock = clock;
    this.batchSize = batchSize;
  }

  /** Sweeps until no due negotiation is left unlocked; returns how many this call expired. */
  public int sweep() {
    Instant now = Timestamps.now(clock);
    int total = 0;
    int expired;
    do {
      expired = transactions.inTransaction(() -> expireBatch(now));
      total += expired;
    } while (expired == batchSize);
    if (total > 0) {
      LOG.info("expiry sweep expired={}", total);
    }
    return total;
  }

  private int expireBatch(Instant now) {
    List<Negotiation> expired = negotiations.expireDue(now, batchSize);
    recorder.recordSwept(expired, now);
    return expired.size();
  }
}
