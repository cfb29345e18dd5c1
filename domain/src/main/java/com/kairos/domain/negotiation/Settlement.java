package com.kairos.domain.negotiation;

import com.kairos.domain.common.IdGenerator;
import java.time.Instant;

/**
 * The consensus rule's decision made into the next state and what happened: all declined cancels
 * it, agreement finalizes it with its events (from {@link FinalizationEvents}), anything else
 * leaves it open. Works on the state's values, not on the aggregate.
 */
final class Settlement {
  private Settlement() {}

  /** The state after the rule and the result to report. */
  record Settled(NegotiationSnapshot next, TransitionResult result) {}

  /** Runs the consensus rule on {@code replied} (a reply or a departure already applied). */
  static Settled settle(NegotiationSnapshot replied, Instant now, IdGenerator ids) {
    Roster roster = replied.roster();
    Options options = replied.options();
    Consensus.Decision decision =
        Consensus.decide(roster.members(), options.slots(), options.venues(), now);
    Lifecycle lifecycle = replied.lifecycle();
    if (decision instanceof Consensus.AllDeclined) {
      CancelReason reason = CancelReason.ALL_DECLINED;
      return new Settled(
          replied.with(lifecycle.cancelled(reason), replied.revision()),
          new TransitionResult.Cancelled(reason, false));
    }
    if (decision instanceof Consensus.Agreed agreed) {
      Outcome outcome = agreed.outcome();
      NegotiationSnapshot finalized =
          replied.with(lifecycle.finalized(outcome), replied.revision());
      return new Settled(
          finalized,
          new TransitionResult.Finalized(
              outcome, FinalizationEvents.of(finalized, outcome, now, ids)));
    }
    return new Settled(replied, new TransitionResult.StillOpen());
  }
}
