package com.kairos.domain.notification;

import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.UserId;
import java.util.Objects;

/**
 * One user to be told that a negotiation reached {@code version} through a change of {@code kind}.
 * Carries ids only: what a push may say is decided here, and nothing personal is in it.
 */
public record Notice(
    NotificationKind kind, NegotiationId negotiationId, long version, UserId recipient) {

  public Notice {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(negotiationId, "negotiationId");
    Objects.requireNonNull(recipient, "recipient");
    if (version < 1) {
      throw new IllegalArgumentException("version must be positive");
    }
  }
}
