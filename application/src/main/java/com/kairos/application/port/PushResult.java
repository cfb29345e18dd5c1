package com.kairos.application.port;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the provider made of one push. {@code reason} is the provider's error code or its transport
 * status, as the sender reports it: never a token or a message body.
 */
public record PushResult(PushOutcome outcome, Duration retryAfter, String reason) {

  public PushResult {
    Objects.requireNonNull(outcome, "outcome");
    if (retryAfter != null && retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter must not be negative");
    }
  }

  public static PushResult sent() {
    return new PushResult(PushOutcome.SENT, null, null);
  }

  public static PushResult retry(String reason, Duration retryAfter) {
    return new PushResult(PushOutcome.RETRY, retryAfter, reason);
  }

  public static PushResult tokenRejected(String reason) {
    return new PushResult(PushOutcome.TOKEN_REJECTED, null, reason);
  }

  /** The provider refused the message for good for another reason than its token. */
  public static PushResult rejected(String reason) {
    return new PushResult(PushOutcome.DEAD, null, reason);
  }

  public Optional<Duration> retryAfterHint() {
    return Optional.ofNullable(retryAfter);
  }
}
