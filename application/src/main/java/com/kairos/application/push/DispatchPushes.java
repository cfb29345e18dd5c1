package com.kairos.application.push;

import com.kairos.application.port.OutboxUpdate;
import com.kairos.application.port.PendingPush;
import com.kairos.application.port.PushMetrics;
import com.kairos.application.port.PushOutbox;
import com.kairos.application.port.PushResult;
import com.kairos.application.port.PushSender;
import com.kairos.application.port.Transactions;
import com.kairos.domain.common.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the outbox holds: claims a batch of due rows under a lease, sends them side by side,
 * and records each outcome. Runs in every instance; the claim's lease keeps two instances off the
 * same row, and a row whose instance died mid-send is claimed again when its lease ends.
 */
public final class DispatchPushes {
  private static final Logger LOG = LoggerFactory.getLogger(DispatchPushes.class);
  private static final Duration PURGE_AFTER = Duration.ofDays(7);

  private final Transactions transactions;
  private final PushOutbox outbox;
  private final PushSender sender;
  private final PushMetrics metrics;
  private final RetryPolicy policy;
  private final Executor sends;
  private final Clock clock;
  private final Settings settings;

  /** How many rows one round claims, and for how long a claim holds them. */
  public record Settings(int batchSize, Duration lease) {
    public Settings {
      if (batchSize < 1 || lease == null || lease.isNegative() || lease.isZero()) {
        throw new IllegalArgumentException("batch size and lease must be positive");
      }
    }
  }

  public DispatchPushes(
      Transactions transactions,
      PushOutbox outbox,
      PushSender sender,
      PushMetrics metrics,
      RetryPolicy policy,
      Executor sends,
      Clock clock,
      Settings settings) {
    this.transactions = transactions;
    this.outbox = outbox;
    this.sender = sender;
    this.metrics = metrics;
    this.policy = policy;
    this.sends = sends;
    this.clock = clock;
    this.settings = settings;
  }

  /**
   * One round: claims due rows, sends them, records the outcomes. Returns how many rows it claimed.
   * Interrupted while sends are in flight (the instance is stopping), it records what finished and
   * hands the rest back at once.
   */
  public int dispatchDue() throws InterruptedException {
    Instant now = Timestamps.now(clock);
    List<PendingPush> claimed =
        transactions.inTransaction(() -> outbox.claim(now, settings.lease(), settings.batchSize()));
    if (claimed.isEmpty()) {
      return 0;
    }
    List<CompletableFuture<PushResult>> inFlight = new ArrayList<>(claimed.size());
    for (PendingPush push : claimed) {
      inFlight.add(CompletableFuture.supplyAsync(() -> send(push), sends));
    }
    List<OutboxUpdate> updates = new ArrayList<>(claimed.size());
    List<Long> unsent = new ArrayList<>();
    InterruptedException interrupted = null;
    for (int i = 0; i < claimed.size(); i++) {
      PendingPush push = claimed.get(i);
      PushResult result = null;
      if (interrupted == null) {
        try {
          result = inFlight.get(i).get();
        } catch (InterruptedException e) {
          interrupted = e;
        } catch (ExecutionException e) {
          result = PushResult.retry("sender_failure", null);
        }
      } else {
        result = inFlight.get(i).getNow(null);
      }
      if (result == null) {
        unsent.add(push.id());
      } else {
        updates.add(settle(push, result));
      }
    }
    Instant done = Timestamps.now(clock);
    transactions.run(
        () -> {
          outbox.record(updates, done);
          if (!unsent.isEmpty()) {
            outbox.release(unsent, done);
          }
        });
    if (interrupted != null) {
      throw interrupted;
    }
    return claimed.size();
  }

  /** When the next pending row falls due, so an idle dispatcher knows how long it may sleep. */
  public Optional<Instant> nextDue() {
    return transactions.reading(outbox::nextDue);
  }

  /** Reads the backlog into the gauges. */
  public PushOutbox.Backlog measureBacklog() {
    PushOutbox.Backlog backlog = transactions.reading(outbox::backlog);
    metrics.backlog(backlog);
    return backlog;
  }

  /** Deletes rows sent or dead more than 7 days ago. */
  public int purge() {
    Instant before = Timestamps.now(clock).minus(PURGE_AFTER);
    int purged = transactions.inTransaction(() -> outbox.purge(before));
    if (purged > 0) {
      LOG.info("push outbox purged rows={}", purged);
    }
    return purged;
  }

  private PushResult send(PendingPush push) {
    try {
      return sender.send(push.message());
    } catch (RuntimeException e) {
      // A sender must classify failures itself; one that throws is retried, and its exception
      // (which might quote a request) is not logged, only its type.
      LOG.warn(
          "push sender failed kind={} negotiation_id={} error={}",
          push.message().kind(),
          push.message().negotiationId(),
          e.getClass().getSimpleName());
      return PushResult.retry("sender_failure", null);
    }
  }

  private OutboxUpdate settle(PendingPush push, PushResult result) {
    Instant now = Timestamps.now(clock);
    OutboxUpdate update = policy.decide(push, result, now);
    var message = push.message();
    metrics.attempt(message.kind(), update.outcome());
    switch (update.outcome()) {
      case SENT -> {
        metrics.delivered(Duration.between(push.createdAt(), now));
        LOG.debug(
            "push sent kind={} negotiation_id={} token_suffix={}",
            message.kind(),
            message.negotiationId(),
            message.token().suffix());
      }
      case RETRY -> {
        LOG.info(
            "push retry kind={} negotiation_id={} token_suffix={} reason={} attempt={} retry_at={}",
            message.kind(),
            message.negotiationId(),
            message.token().suffix(),
            update.reason(),
            push.attempts(),
            update.retryAt());
      }
      case TOKEN_REJECTED -> {
        LOG.info(
            "push token rejected, device removed kind={} negotiation_id={} token_suffix={}"
                + " reason={}",
            message.kind(),
            message.negotiationId(),
            message.token().suffix(),
            update.reason());
      }
      case DEAD -> {
        LOG.warn(
            "push dead kind={} negotiation_id={} token_suffix={} reason={} attempts={}",
            message.kind(),
            message.negotiationId(),
            message.token().suffix(),
            update.reason(),
            push.attempts());
      }
    }
    return update;
  }
}
