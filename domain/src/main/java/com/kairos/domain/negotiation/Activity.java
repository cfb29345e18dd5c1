package com.kairos.domain.negotiation;

import com.kairos.domain.common.AgentMode;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.ReplyId;
import com.kairos.domain.common.SlotId;
import com.kairos.domain.common.UserId;
import com.kairos.domain.common.VenueId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One line of a negotiation's history: who did what, from which state to which, at which version
 * and when, and which options it put on the table. Never a blob. {@code actorId} is null for the
 * system (expiry); {@code fromState} is null for the start; {@code replyId} and {@code agentMode}
 * only accompany replies; {@code addedSlotIds} and {@code addedVenueIds} are the options a start or
 * counter introduced (empty otherwise), recorded when it happened rather than recomputed.
 */
public record Activity(
    NegotiationId negotiationId,
    UserId actorId,
    NegotiationAction action,
    NegotiationState fromState,
    NegotiationState toState,
    long version,
    Instant at,
    ReplyId replyId,
    AgentMode agentMode,
    List<SlotId> addedSlotIds,
    List<VenueId> addedVenueIds) {

  public Activity {
    Objects.requireNonNull(negotiationId, "negotiationId");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(toState, "toState");
    Objects.requireNonNull(at, "at");
    addedSlotIds = addedSlotIds == null ? List.of() : List.copyOf(addedSlotIds);
    addedVenueIds = addedVenueIds == null ? List.of() : List.copyOf(addedVenueIds);
  }

  /** A line that introduced no option. */
  public Activity(
      NegotiationId negotiationId,
      UserId actorId,
      NegotiationAction action,
      NegotiationState fromState,
      NegotiationState toState,
      long version,
      Instant at,
      ReplyId replyId,
      AgentMode agentMode) {
    this(
        negotiationId,
        actorId,
        action,
        fromState,
        toState,
        version,
        at,
        replyId,
        agentMode,
        List.of(),
        List.of());
  }

  /** The first line of {@code started}: its owner put every initial option on the table. */
  static Activity started(NegotiationSnapshot started) {
    Revision r = started.revision();
    return new Activity(
        started.id(),
        started.ownerId(),
        NegotiationAction.START,
        null,
        started.lifecycle().state(),
        r.version(),
        r.createdAt(),
        null,
        // A start carries the negotiation's agent mode (accounts.md: null only when absent).
        started.agentMode(),
        List.copyOf(started.options().slotIds()),
        List.copyOf(started.options().venueIds()));
  }

  /** The line a write from {@code before} to {@code after} records. */
  static Activity between(
      NegotiationSnapshot before, NegotiationSnapshot after, ReplyId replyId, AgentMode mode) {
    Revision r = after.revision();
    return new Activity(
        before.id(),
        r.lastActorId(),
        r.lastAction(),
        before.lifecycle().state(),
        after.lifecycle().state(),
        r.version(),
        r.updatedAt(),
        replyId,
        mode,
        added(after.options().slotIds(), before.options().slotIds()),
        added(after.options().venueIds(), before.options().venueIds()));
  }

  private static <T> List<T> added(Set<T> after, Set<T> before) {
    return after.stream().filter(id -> !before.contains(id)).toList();
  }
}
