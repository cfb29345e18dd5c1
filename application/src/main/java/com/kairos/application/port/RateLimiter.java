package com.kairos.application.port;

import java.util.Objects;

/**
 * Outbound port: token buckets shared by every server instance that uses the same store. A bucket
 * holds up to {@code burst} tokens and refills {@code perMinute} tokens a minute.
 */
public interface RateLimiter {

  /** Takes one token from bucket {@code key}; the verdict says when to retry if none was left. */
  Verdict tryAcquire(String key, Limit limit);

  /** A bucket's shape. {@code name} is a low-cardinality label (never a user id). */
  record Limit(String name, long perMinute, long burst) {
    public Limit {
      Objects.requireNonNull(name, "name");
      if (perMinute < 1 || burst < 1) {
        throw new IllegalArgumentException("limits must be positive");
      }
    }
  }

  /** Whether a token was granted; if not, in how many whole seconds one will be. */
  record Verdict(boolean granted, long retryAfterSeconds) {
    public static final Verdict GRANTED = new Verdict(true, 0);

    /** Refused: a token will be there in {@code nanos}, rounded up to whole seconds (≥ 1). */
    public static Verdict retryAfterNanos(long nanos) {
      return new Verdict(false, Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
    }
  }

  /** No limits at all. */
  RateLimiter UNLIMITED = (key, limit) -> Verdict.GRANTED;
}
