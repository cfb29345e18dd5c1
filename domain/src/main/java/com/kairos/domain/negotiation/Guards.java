package com.kairos.domain.negotiation;

import com.kairos.domain.common.AccessDenied;
import com.kairos.domain.common.NotFound;
import com.kairos.domain.common.ResourceType;
import com.kairos.domain.common.UserId;
import java.time.Instant;

/**
 * Who may read or write a negotiation, and when a write is refused before the state machine is
 * asked: not readable (404/403), not the owner (403), expired, stale version.
 */
final class Guards {
  private Guards() {}

  static void requireReadable(Negotiation n, UserId user) {
    if (n.ownerId().equals(user)) {
      return;
    }
    if (!n.lifecycle().wasSent()) {
      throw new NotFound(ResourceType.NEGOTIATION, n.id().toString());
    }
    if (n.participant(user).isEmpty()) {
      throw new AccessDenied(ResourceType.NEGOTIATION, n.id().toString());
    }
  }

  static void ownerWrite(
      Negotiation n, UserId actor, NegotiationAction action, Long expectedVersion, Instant now) {
    requireReadable(n, actor);
    if (!n.ownerId().equals(actor)) {
      throw new AccessDenied(ResourceType.NEGOTIATION, n.id().toString());
    }
    write(n, action, expectedVersion, now);
  }

  /**
   * Expiry first (the most useful answer), then the client's expected version. An expiry reads the
   * same whether or not the sweep has already written it.
   */
  static void write(Negotiation n, NegotiationAction action, Long expectedVersion, Instant now) {
    if (n.lifecycle().hasExpired(now)) {
      throw new NegotiationExpired(n.expiresAt(), action);
    }
    if (expectedVersion != null && expectedVersion != n.version()) {
      throw new StaleVersion(n.state(), action, n.version());
    }
  }
}
