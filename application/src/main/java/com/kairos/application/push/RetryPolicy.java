package com.kairos.application.push;

import com.kairos.application.port.OutboxUpdate;
import com.kairos.application.port.PendingPush;
import com.kairos.application.port.PushOutcome;
import com.kairos.application.port.PushResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * What a send's result means for its row. Transient failures back off exponentially with jitter
 * (half the delay fixed, half random, so retries of one outage spread out but still grow), never
 * sooner than the provider's {@code Retry-After}, until the row is older than {@code giveUpAfter}.
 */
public final class RetryPolicy {
  private final Duration base;
  private final Duration cap;
  private final Duration giveUpAfter;
  private final DoubleSupplier random;

  /**
   * @param random values in [0, 1): the jitter source, injected so tests can pin it
   */
  public RetryPolicy(Duration base, Duration cap, Duration giveUpAfter, DoubleSupplier random) {
    this.base = positive(base, "base");
    this.cap = positive(cap, "cap");
    this.giveUpAfter = positive(giveUpAfter, "giveUpAfter");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** Spec defaults: 1 s doubling up to 15 min, for {@code giveUpAfter}. */
  public static RetryPolicy standard(Duration giveUpAfter, DoubleSupplier random) {
    return new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(15), giveUpAfter, random);
  }

  public Duration giveUpAfter() {
    return giveUpAfter;
  }

  public OutboxUpdate decide(PendingPush push, PushResult result, Instant now) {
    return switch (result.outcome()) {
      case SENT -> new OutboxUpdate(push.id(), PushOutcome.SENT, null, null);
      case TOKEN_REJECTED, DEAD ->
          new OutboxUpdate(push.id(), result.outcome(), null, result.reason());
      case RETRY -> retry(push, result, now);
    };
  }

  private OutboxUpdate retry(PendingPush push, PushResult result, Instant now) {
    Duration delay = backoff(push.attempts());
    Duration hint = result.retryAfterHint().orElse(Duration.ZERO);
    if (hint.compareTo(delay) > 0) {
      delay = hint;
    }
    Instant retryAt = now.plus(delay);
    if (retryAt.isAfter(push.createdAt().plus(giveUpAfter))) {
      return new OutboxUpdate(push.id(), PushOutcome.DEAD, null, result.reason());
    }
    return new OutboxUpdate(push.id(), PushOutcome.RETRY, retryAt, result.reason());
  }

  /** base·2^(attempts-1), capped, of which a random half. */
  Duration backoff(int attempts) {
    return new Backoff(base, cap, random).after(attempts);
  }

  private static Duration positive(Duration d, String name) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
    return d;
  }
}
