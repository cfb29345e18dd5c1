package com.kairos.application.negotiation;

import com.kairos.application.port.NegotiationStore;
import com.kairos.application.port.Transactions;
import com.kairos.domain.common.IdGenerator;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.ReplyId;
import com.kairos.domain.common.Timestamps;
import com.kairos.domain.common.UserId;
import com.kairos.domain.negotiation.Negotiation;
import com.kairos.domain.negotiation.ReplyCommand;
import com.kairos.domain.negotiation.Transition;
import com.kairos.domain.negotiation.TransitionResult;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A participant's accept, decline or counter. Replies to one negotiation are serialized by a write
 * lock; a repeated reply id changes nothing and returns the current negotiation, and a finalization
 * stores its events in the same transaction.
 */
public final class ReplyToNegotiation {
  private static final Logger LOG = LoggerFactory.getLogger(ReplyToNegotiation.class);

  /** The negotiation after the reply, what the reply did, and whether it was a replay. */
  public record Result(Negotiation negotiation, TransitionResult outcome, boolean replayed) {}

  private final Transactions transactions;
  private final NegotiationStore negotiations;
  private final TransitionRecorder recorder;
  private final IdGenerator ids;
  private final Clock clock;

  public ReplyToNegotiation(
      Transactions transactions,
      NegotiationStore negotiations,
      TransitionRecorder recorder,
      IdGenerator ids,
      Clock clock) {
    this.transactions = transactions;
    this.negotiations = negotiations;
    this.recorder = recorder;
    this.ids = ids;
    this.clock = clock;
  }

  public Result reply(UserId actor, ReplyCommand command) {
    return reply(actor, command.negotiationId(), command.replyId(), () -> command);
  }

  /**
   * As {@link #reply(UserId, ReplyCommand)}, with the command built only once negotiation {@code
   * id} is known to exist and be readable by {@code actor}, and {@code replyId} (null: none) not to
   * be a repeat: an unknown negotiation is not found, a stranger refused and a repeat answered with
   * the current negotiation, whatever the request's other fields say.
   */
  public Result reply(
      UserId actor, NegotiationId id, ReplyId replyId, Supplier<ReplyCommand> request) {
    return transactions.inTransaction(
        () -> {
          Instant now = Timestamps.now(clock);
          Negotiation current = Negotiations.lock(negotiations, id);
          current.requireReadableBy(actor);
          if (replyId != null && negotiations.replyRecorded(current.id(), actor, replyId)) {
            return new Result(current.asOf(now), new TransitionResult.StillOpen(), true);
          }
          Transition t = current.reply(actor, request.get(), now, ids);
          recorder.record(t, now);
          if (t.result() instanceof TransitionResult.Finalized finalized) {
            LOG.info(
                "negotiation finalized id={} version={} events={}",
                current.id(),
                t.negotiation().version(),
                finalized.events().size());
          }
          return new Result(t.negotiation(), t.result(), false);
        });
  }
}
