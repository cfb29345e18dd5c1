package com.kairos.http;

import com.kairos.application.port.RateLimiter;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Token buckets (Bucket4j) in this process's memory: the default store, exact for one instance.
 * Time comes from the injected clock, so refills are testable without sleeping. Buckets that have
 * refilled completely are forgotten now and then, which bounds memory by the active callers.
 */
public final class InMemoryRateLimiter implements RateLimiter {
  private static final int SWEEP_EVERY = 10_000;

  private record Entry(Bucket bucket, long capacity) {}

  private final ConcurrentHashMap<String, Entry> buckets = new ConcurrentHashMap<>();
  private final AtomicLong calls = new AtomicLong();
  private final TimeMeter time;

  public InMemoryRateLimiter(Clock clock) {
    this.time =
        new TimeMeter() {
          @Override
          public long currentTimeNanos() {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
          }

          @Override
          public boolean isWallClockBased() {
            return true;
          }
        };
  }

  @Override
  public Verdict tryAcquire(String key, Limit limit) {
    if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
      buckets.values().removeIf(e -> e.bucket().getAvailableTokens() >= e.capacity());
    }
    Entry entry =
        buckets.computeIfAbsent(
            key + "#" + limit.name(),
            k ->
                new Entry(
                    Bucket.builder()
                        .addLimit(
                            l ->
                                l.capacity(limit.burst())
                                    .refillGreedy(limit.perMinute(), Duration.ofMinutes(1)))
                        .withCustomTimePrecision(time)
                        .build(),
                    limit.burst()));
    return verdict(entry.bucket().tryConsumeAndReturnRemaining(1));
  }

  static Verdict verdict(ConsumptionProbe probe) {
    return probe.isConsumed()
        ? Verdict.GRANTED
        : Verdict.retryAfterNanos(probe.getNanosToWaitForRefill());
  }
}
