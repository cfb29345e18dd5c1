package com.kairos.bootstrap;

import com.kairos.application.port.Transactions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.Supplier;

/** Times every unit of work against the database ({@code kairos_db_transactions_seconds}). */
final class TimedTransactions implements Transactions {
  private final Transactions delegate;
  private final Timer ok;
  private final Timer failed;

  TimedTransactions(Transactions delegate, MeterRegistry registry) {
    this.delegate = delegate;
    Duration[] buckets = {
      Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
      Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
      Duration.ofSeconds(1)
    };
    this.ok =
        Timer.builder("kairos.db.transactions")
            .description("Database units of work (one per use case)")
            .tag("outcome", "ok")
            .serviceLevelObjectives(buckets)
            .register(registry);
    this.failed =
        Timer.builder("kairos.db.transactions")
            .tag("outcome", "failed")
            .serviceLevelObjectives(buckets)
            .register(registry);
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    return timed(() -> delegate.inTransaction(work));
  }

  @Override
  public <T> T reading(Supplier<T> work) {
    return timed(() -> delegate.reading(work));
  }

  private <T> T timed(Supplier<T> unit) {
    long start = System.nanoTime();
    boolean success = false;
    try {
      T result = unit.get();
      success = true;
      return result;
    } finally {
      (success ? ok : failed).record(Duration.ofNanos(System.nanoTime() - start));
    }
  }
}
