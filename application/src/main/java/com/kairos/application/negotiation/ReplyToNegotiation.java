package com.kairos.application.negotiation;

import com.kairos.application.port.EventRepository;
import com.kairos.application.port.NegotiationRepository;
import com.kairos.application.port.PushOutbox;
import com.kairos.application.port.Transactions;
import com.kairos.domain.common.IdGenerator;
import com.kairos.domain.common.Timestamps;
import com.kairos.domain.common.UserId;
import com.kairos.domain.event.Event;
import com.kairos.domain.negotiation.Negotiation;
import com.kairos.domain.negotiation.ReplyCommand;
import com.kairos.domain.negotiation.Transition;
import com.kairos.domain.notification.Notices;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A participant's accept, decline or counter. Replies to one negotiation are serialized by a write
 * lock; a repeated {@code reply_id} changes nothing and returns the current negotiation, and a
 * finalization stores its events in the same transaction.
 */
public final class ReplyToNegotiation {
  private static final Logger LOG = LoggerFactory.getLogger(ReplyToNegotiation.class);

  /** The negotiation after the reply, what the reply did, and whether it was a replay. */
  public record Result(Negotiation negotiation, Transition.Result outcome, boolean replayed) {}

  private final Transactions transactions;
  private final NegotiationRepository negotiations;
  private final PushOutbox outbox;
  private final EventRepository events;
  private final IdGenerator ids;
  private final Clock clock;

  public ReplyToNegotiation(
      Transactions transactions,
      NegotiationRepository negotiations,
      PushOutbox outbox,
      EventRepository events,
      IdGenerator ids,
      Clock clock) {
    this.transactions = transactions;
    this.negotiations = negotiations;
    this.outbox = outbox;
    this.events = events;
    this.ids = ids;
    this.clock = clock;
  }

  public Result reply(UserId actor, ReplyCommand command) {
    return transactions.inTransaction(
        () -> {
          Instant now = Timestamps.now(clock);
          Negotiation current = Negotiations.lock(negotiations, command.negotiationId());
          current.requireReadableBy(actor);
          if (command.replyId() != null
              && negotiations.replyRecorded(current.id(), actor, command.replyId())) {
            return new Result(current.asOf(now), new Transition.StillOpen(), true);
          }
          Transition t = current.reply(actor, command, now, ids);
          negotiations.update(t.negotiation(), t.activity());
          outbox.enqueue(Notices.of(Optional.of(current), t), now);
          List<Event> confirmed = t.result().confirmedEvents();
          if (!confirmed.isEmpty()) {
            events.insertAll(confirmed);
            LOG.info(
                "negotiation finalized id={} version={} events={}",
                current.id(),
                t.negotiation().version(),
                confirmed.size());
          }
          return new Result(t.negotiation(), t.result(), false);
        });
  }
}
