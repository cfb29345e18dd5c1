package com.kairos.domain.negotiation;

import com.kairos.domain.common.AgentMode;
import com.kairos.domain.common.IntentCategory;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * A list item: a negotiation's metadata as one participant sees it, without blobs or nested
 * options. {@code cancelReason} and {@code lastActorId} may be null.
 */
public record NegotiationSummary(
    NegotiationId id,
    UserId ownerId,
    NegotiationState state,
    CancelReason cancelReason,
    IntentCategory intentCategory,
    AgentMode agentMode,
    int agentRound,
    long version,
    int participantCount,
    int acceptedCount,
    ParticipantStatus myStatus,
    UserId lastActorId,
    NegotiationAction lastAction,
    Instant createdAt,
    Instant updatedAt,
    Instant expiresAt) {

  public NegotiationSummary {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(myStatus, "my_status");
    Objects.requireNonNull(updatedAt, "updated_at");
  }

  /** The summary of {@code negotiation} for participant {@code me}. */
  public static NegotiationSummary of(Negotiation negotiation, UserId me) {
    Participant mine = negotiation.participant(me).orElseThrow();
    int accepted =
        (int) negotiation.participants().stream().filter(p -> p.status().agrees()).count();
    return new NegotiationSummary(
        negotiation.id(),
        negotiation.ownerId(),
        negotiation.state(),
        negotiation.cancelReason().orElse(null),
        negotiation.intentCategory(),
        negotiation.agentMode(),
        negotiation.agentRound(),
        negotiation.version(),
        negotiation.participantCount(),
        accepted,
        mine.status(),
        negotiation.lastActorId().orElse(null),
        negotiation.lastAction(),
        negotiation.createdAt(),
        negotiation.updatedAt(),
        negotiation.expiresAt());
  }

  public boolean isGroup() {
    return participantCount > 2;
  }

  /** As {@link Negotiation#asOf}: past its expiry an open negotiation reads as expired. */
  public NegotiationSummary asOf(Instant now) {
    if (!state.isOpen() || now.isBefore(expiresAt)) {
      return this;
    }
    return new NegotiationSummary(
        id,
        ownerId,
        NegotiationState.CANCELLED,
        CancelReason.EXPIRED,
        intentCategory,
        agentMode,
        agentRound,
        version + 1,
        participantCount,
        acceptedCount,
        myStatus,
        null,
        NegotiationAction.EXPIRE,
        createdAt,
        updatedAt,
        expiresAt);
  }
}
