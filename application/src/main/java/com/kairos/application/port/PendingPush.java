package com.kairos.application.port;

import java.time.Instant;
import java.util.Objects;

/**
 * One claimed outbox row: the push to send, when its change was committed ({@code createdAt}, for
 * the latency and give-up clocks) and how many times it has been claimed, this time included.
 */
public record PendingPush(long id, PushMessage message, Instant createdAt, int attempts) {
  public PendingPush {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
