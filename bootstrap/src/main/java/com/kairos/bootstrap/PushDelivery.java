package com.kairos.bootstrap;

import com.kairos.application.port.PushMetrics;
import com.kairos.application.port.PushOutbox;
import com.kairos.application.port.PushSender;
import com.kairos.application.push.DispatchPushes;
import com.kairos.application.push.RetryPolicy;
import com.kairos.postgres.DatabaseUrl;
import com.kairos.postgres.PgPushListener;
import com.kairos.postgres.PostgresAdapter;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Push notifications in this instance: the outbox the use cases write to, and the dispatcher that
 * empties it (a loop woken by PostgreSQL LISTEN/NOTIFY, polling as the fallback, sends side by side
 * on a small pool). With {@code PUSH_PROVIDER=none} nothing is recorded and nothing runs.
 */
final class PushDelivery implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PushDelivery.class);
  // Measured with scripts/bench.sh --push (docs/benchmarks.md): 8 senders and rounds of 64
  // delivered ~300 pushes/s at p99 ~9 s under 32 clients; 32 and 256 deliver ~500/s at p99 ~4 s.
  // Sends wait on the provider, so concurrency pays until the CPU is the limit.
  static final int BATCH_SIZE = 256;
  static final int SENDERS = 32;
  static final Duration LEASE = Duration.ofSeconds(60);
  static final Duration POLL_INTERVAL = Duration.ofSeconds(5);

  private final PushConfig config;
  private final PostgresAdapter postgres;
  private final PushSender sender;
  private final PushMetrics metrics;
  private final Clock clock;
  private ExecutorService sends;
  private PushDispatchLoop loop;
  private PgPushListener listener;
  private HikariDataSource dispatchPool;

  private PushDelivery(
      PushConfig config,
      PostgresAdapter postgres,
      PushSender sender,
      PushMetrics metrics,
      Clock clock) {
    this.config = config;
    this.postgres = postgres;
    this.sender = sender;
    this.metrics = metrics;
    this.clock = clock;
  }

  static PushDelivery create(
      PushConfig config,
      PostgresAdapter postgres,
      PushSender sender,
      MeterRegistry registry,
      Clock clock) {
    PushMetrics metrics =
        registry == null ? PushMetrics.none() : new MicrometerPushMetrics(registry, clock::instant);
    return new PushDelivery(config, postgres, sender, metrics, clock);
  }

  boolean enabled() {
    return config.provider() != PushConfig.Provider.NONE;
  }

  /** Where use cases queue pushes. */
  PushOutbox outbox() {
    return enabled() ? postgres.outbox() : new NoPushOutbox();
  }

  /** Starts the dispatcher on {@code url} and, when {@code listenUrl} is not null, its listener. */
  PushDelivery start(DatabaseUrl url, DatabaseUrl listenUrl) {
    if (!enabled()) {
      LOG.info("push notifications are off (PUSH_PROVIDER=none)");
      return this;
    }
    AtomicInteger n = new AtomicInteger();
    sends =
        Executors.newFixedThreadPool(
            SENDERS,
            r -> {
              Thread t = new Thread(r, "push-send-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    // Connections of its own, so that claiming and recording never queue behind requests (a
    // benchmark showed the backlog growing under load when they shared the request pool).
    dispatchPool = PostgresAdapter.pool(url.jdbcUrl(), url.user(), url.password(), 1, 2);
    PostgresAdapter dispatchDb = new PostgresAdapter(dispatchPool);
    DispatchPushes dispatcher =
        new DispatchPushes(
            dispatchDb.transactions(),
            dispatchDb.outbox(),
            sender,
            metrics,
            RetryPolicy.standard(
                config.giveUpAfter(), () -> ThreadLocalRandom.current().nextDouble()),
            sends,
            clock,
            new DispatchPushes.Settings(BATCH_SIZE, LEASE));
    loop = new PushDispatchLoop(dispatcher, BATCH_SIZE, POLL_INTERVAL, clock).start();
    if (listenUrl != null) {
      listener =
          new PgPushListener(
                  PostgresAdapter.unpooled(
                      listenUrl.jdbcUrl(), listenUrl.user(), listenUrl.password()),
                  loop::wake)
              .start();
    }
    LOG.atInfo()
        .addKeyValue("provider", config.provider().name().toLowerCase(Locale.ROOT))
        .addKeyValue("wakeup", listenUrl != null ? "listen" : "polling")
        .log("push dispatcher started");
    return this;
  }

  /**
   * Stops the LISTEN session first thing on shutdown: the embedded database's own shutdown hook may
   * stop PostgreSQL while requests drain, and a listener still running would report that as a lost
   * session. The dispatcher keeps polling until {@link #close}.
   */
  public void stopListening() {
    if (listener != null) {
      listener.close();
    }
  }

  /** Stops listening, lets the round in flight finish (or hands its rows back), stops sending. */
  @Override
  public void close() {
    if (listener != null) {
      listener.close();
    }
    if (loop != null) {
      loop.close();
    }
    if (sends != null) {
      sends.shutdownNow();
    }
    if (dispatchPool != null) {
      dispatchPool.close();
    }
    if (sender instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        LOG.warn("push sender did not close cleanly error={}", e.getClass().getSimpleName());
      }
    }
  }
}
