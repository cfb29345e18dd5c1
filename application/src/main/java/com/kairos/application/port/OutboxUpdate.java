package com.kairos.application.port;

import java.time.Instant;
import java.util.Objects;

/**
 * What the dispatcher decided for one claimed row. {@code retryAt} only accompanies {@link
 * Disposition#RETRY}; {@code reason} is a provider code, never a token or a body.
 */
public record OutboxUpdate(long id, Disposition disposition, Instant retryAt, String reason) {

  /** The fates of a claimed row. */
  public enum Disposition {
    /** Delivered: kept as sent until purged. */
    SENT,
    /** Due again at {@code retryAt}. */
    RETRY,
    /** Given up: kept as dead until purged. */
    DEAD,
    /** The token is gone: remove the device, and with it every push still waiting for it. */
    FORGET_DEVICE
  }

  public OutboxUpdate {
    Objects.requireNonNull(disposition, "disposition");
    if ((disposition == Disposition.RETRY) != (retryAt != null)) {
      throw new IllegalArgumentException("retryAt goes with RETRY, and only with it");
    }
  }
}
