package com.kairos.application.negotiation;

import com.kairos.application.port.NegotiationStore;
import com.kairos.application.port.Transactions;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.Timestamps;
import com.kairos.domain.negotiation.Negotiation;
import com.kairos.domain.negotiation.Transition;
import java.time.Clock;
import java.time.Instant;
import java.util.function.BiFunction;

/** The path of an owner's action (send, cancel): lock, let the aggregate decide, record. */
record OwnerWrite(
    Transactions transactions,
    NegotiationStore negotiations,
    TransitionRecorder recorder,
    Clock clock) {

  /** In one transaction: locks {@code id}, asks {@code write} at the current time, records it. */
  Negotiation apply(NegotiationId id, BiFunction<Negotiation, Instant, Transition> write) {
    return transactions.inTransaction(
        () -> {
          Negotiation current = Negotiations.lock(negotiations, id);
          Instant now = Timestamps.now(clock);
          Transition t = write.apply(current, now);
          recorder.record(t, now);
          return t.negotiation();
        });
  }
}
