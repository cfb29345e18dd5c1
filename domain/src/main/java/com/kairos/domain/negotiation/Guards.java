package com.kairos.domain.negotiation;

import com.kairos.domain.common.AccessDenied;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.NotFound;
import com.kairos.domain.common.ResourceType;
import com.kairos.domain.common.UserId;
import java.time.Instant;

/**
 * Who may read or write a negotiation, and when a write is refused before the state machine is
 * asked: not readable (not found, or denied), not the owner (denied), expired, stale version. Takes
 * the values it checks, not the aggregate.
 */
final class Guards {
  private Guards() {}

  /**
   * Another user's draft is not found (its existence is not revealed, even to its invitees); a sent
   * negotiation is denied to non-participants.
   */
  static void requireReadable(
      NegotiationId id, UserId owner, Lifecycle lifecycle, Roster roster, UserId user) {
    if (owner.equals(user)) {
      return;
    }
    if (!lifecycle.wasSent()) {
      throw new NotFound(ResourceType.NEGOTIATION, id.toString());
    }
    if (roster.find(user).isEmpty()) {
      throw new AccessDenied(ResourceType.NEGOTIATION, id.toString());
    }
  }

  static void requireOwner(NegotiationId id, UserId owner, UserId actor) {
    if (!owner.equals(actor)) {
      throw new AccessDenied(ResourceType.NEGOTIATION, id.toString());
    }
  }

  /**
   * Expiry first (the most useful answer), then the client's expected version. An expiry reads the
   * same whether or not the sweep has already written it.
   */
  static void requireWritable(
      Lifecycle lifecycle,
      long version,
      NegotiationAction action,
      Long expectedVersion,
      Instant now) {
    if (lifecycle.hasExpired(now)) {
      throw new NegotiationExpired(lifecycle.expiresAt(), action);
    }
    if (expectedVersion != null && expectedVersion != version) {
      throw new StaleVersion(lifecycle.state(), action, version);
    }
  }
}
