package com.kairos.application.port;

import java.time.Instant;
import java.util.Objects;

/**
 * What the dispatcher decided for one claimed row. {@code retryAt} only accompanies {@link
 * PushOutcome#RETRY}; {@code reason} is a provider code, never a token or a body.
 */
public record OutboxUpdate(long id, PushOutcome outcome, Instant retryAt, String reason) {

  public OutboxUpdate {
    Objects.requireNonNull(outcome, "outcome");
    if ((outcome == PushOutcome.RETRY) != (retryAt != null)) {
      throw new IllegalArgumentException("retryAt goes with RETRY, and only with it");
    }
  }
}
