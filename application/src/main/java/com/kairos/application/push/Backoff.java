package com.kairos.application.push;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with "equal" jitter: {@code base}·2^(attempts-1), capped, of which half is
 * fixed and half random, so retries of one outage spread out but still grow.
 */
public record Backoff(Duration base, Duration cap, DoubleSupplier random) {

  public Backoff {
    if (base == null
        || base.isNegative()
        || base.isZero()
        || cap == null
        || cap.compareTo(base) < 0) {
      throw new IllegalArgumentException("base must be positive and cap at least base");
    }
    if (random == null) {
      throw new IllegalArgumentException("random is required");
    }
  }

  /** The wait after the {@code attempts}-th failure (1 for the first). */
  public Duration after(int attempts) {
    int doublings = Math.min(Math.max(attempts - 1, 0), 30);
    long millis = Math.min(cap.toMillis(), base.toMillis() << doublings);
    long half = millis / 2;
    return Duration.ofMillis(half + (long) (random.getAsDouble() * (millis - half)));
  }
}
