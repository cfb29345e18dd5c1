package com.kairos.application.port;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the provider made of one push. {@code reason} is a provider error code or an HTTP status
 * ({@code UNAVAILABLE}, {@code http_503}, {@code timeout}): never a token or a message body.
 */
public record PushResult(Status status, Duration retryAfter, String reason) {

  /** The four ways a send can end; each decides what happens to the outbox row. */
  public enum Status {
    /** Accepted by the provider: the row is done. */
    SENT,
    /** A transient failure: try again later, not before {@code retryAfter} when given. */
    RETRY,
    /** The token is dead ({@code UNREGISTERED}, or rejected by name): forget the device. */
    TOKEN_REJECTED,
    /** The provider refused the message for good for another reason: the row is dead. */
    REJECTED
  }

  public PushResult {
    Objects.requireNonNull(status, "status");
    if (retryAfter != null && retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter must not be negative");
    }
  }

  public static PushResult sent() {
    return new PushResult(Status.SENT, null, null);
  }

  public static PushResult retry(String reason, Duration retryAfter) {
    return new PushResult(Status.RETRY, retryAfter, reason);
  }

  public static PushResult tokenRejected(String reason) {
    return new PushResult(Status.TOKEN_REJECTED, null, reason);
  }

  public static PushResult rejected(String reason) {
    return new PushResult(Status.REJECTED, null, reason);
  }

  public Optional<Duration> retryAfterHint() {
    return Optional.ofNullable(retryAfter);
  }
}
