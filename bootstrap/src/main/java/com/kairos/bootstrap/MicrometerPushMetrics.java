package com.kairos.bootstrap;

import com.kairos.application.port.PushMetrics;
import com.kairos.application.port.PushOutbox;
import com.kairos.application.port.PushOutcome;
import com.kairos.domain.notification.NotificationKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The push meters of notifications.md (Observability): {@code kairos_push_sent_total{kind,
 * outcome}}, {@code kairos_push_outbox_pending}, {@code kairos_push_outbox_oldest_seconds} and the
 * commit-to-send latency histogram {@code kairos_push_delivery_seconds}. Labels are a kind and an
 * outcome only.
 */
final class MicrometerPushMetrics implements PushMetrics {
  private static final Duration[] BUCKETS = {
    Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
    Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10),
    Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofHours(1)
  };

  private final Map<NotificationKind, Map<PushOutcome, Counter>> attempts =
      new EnumMap<>(NotificationKind.class);
  private final Timer delivery;
  private final AtomicLong pending = new AtomicLong();
  private final AtomicLong oldestMillis = new AtomicLong(-1);

  MicrometerPushMetrics(MeterRegistry registry, Supplier<Instant> now) {
    for (NotificationKind kind : NotificationKind.values()) {
      Map<PushOutcome, Counter> byOutcome = new EnumMap<>(PushOutcome.class);
      for (PushOutcome outcome : PushOutcome.values()) {
        byOutcome.put(
            outcome,
            Counter.builder("kairos.push.sent")
                .description("Push send attempts by kind and outcome")
                .tag("kind", "negotiation." + kind.name().toLowerCase(Locale.ROOT))
                .tag("outcome", label(outcome))
                .register(registry));
      }
      attempts.put(kind, byOutcome);
    }
    delivery =
        Timer.builder("kairos.push.delivery")
            .description("From the commit of a change to the provider accepting its push")
            .serviceLevelObjectives(BUCKETS)
            .register(registry);
    Gauge.builder("kairos.push.outbox.pending", pending, AtomicLong::get)
        .description("Pushes waiting in the outbox")
        .register(registry);
    Gauge.builder(
            "kairos.push.outbox.oldest.seconds",
            oldestMillis,
            o -> {
              long at = o.get();
              return at < 0 ? 0 : Math.max(0, (now.get().toEpochMilli() - at) / 1000.0);
            })
        .description("Age of the oldest push waiting in the outbox")
        .register(registry);
  }

  @Override
  public void attempt(NotificationKind kind, PushOutcome outcome) {
    attempts.get(kind).get(outcome).increment();
  }

  /** The meter's label, as published since the meter exists. */
  static String label(PushOutcome outcome) {
    return switch (outcome) {
      case SENT -> "sent";
      case RETRY -> "retried";
      case TOKEN_REJECTED -> "token_removed";
      case DEAD -> "dead";
    };
  }

  @Override
  public void delivered(Duration sinceCommit) {
    delivery.record(sinceCommit.isNegative() ? Duration.ZERO : sinceCommit);
  }

  @Override
  public void backlog(PushOutbox.Backlog backlog) {
    pending.set(backlog.pending());
    oldestMillis.set(backlog.oldest().map(Instant::toEpochMilli).orElse(-1L));
  }
}
