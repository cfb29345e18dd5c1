package com.kairos.domain.negotiation;

import com.kairos.domain.common.IdGenerator;
import java.time.Instant;

/**
 * The consensus rule's decision made into the next negotiation and what happened: all declined
 * cancels it, agreement finalizes it with its events (from {@link FinalizationEvents}), anything
 * else leaves it open.
 */
record Settlement(Negotiation replied, Instant now, IdGenerator ids)
    implements Consensus.Visitor<Settlement.Settled> {

  /** The negotiation after the rule and the result to report. */
  record Settled(Negotiation next, Transition.Result result) {}

  @Override
  public Settled allDeclined(Consensus.AllDeclined decision) {
    CancelReason reason = CancelReason.ALL_DECLINED;
    return new Settled(
        replied.withLifecycle(replied.lifecycle().cancelled(reason)),
        new Transition.Cancelled(reason, false));
  }

  @Override
  public Settled agreed(Consensus.Agreed decision) {
    Outcome outcome = decision.outcome();
    Negotiation finalized = replied.withLifecycle(replied.lifecycle().finalized(outcome));
    return new Settled(
        finalized,
        new Transition.Finalized(outcome, FinalizationEvents.of(finalized, outcome, now, ids)));
  }

  @Override
  public Settled open(Consensus.Open decision) {
    return new Settled(replied, new Transition.StillOpen());
  }
}
