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
    Objects.requireNonNull(myStatus, "myStatus");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** The summary of {@code negotiation} for participant {@code me}. */
  public static NegotiationSummary of(Negotiation negotiation, UserId me) {
    Participant mine = negotiation.participant(me).orElseThrow();
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
        negotiation.acceptedCount(),
        mine.status(),
        negotiation.lastActorId().orElse(null),
        negotiation.lastAction(),
        negotiation.createdAt(),
        negotiation.updatedAt(),
        negotiation.expiresAt());
  }

  public boolean isGroup() {
    return Roster.isGroup(participantCount);
  }

  /** As {@link Negotiation#asOf}, by the one {@link Expiry} rule. */
  public NegotiationSummary asOf(Instant now) {
    if (!Expiry.isDue(state, expiresAt, now)) {
      return this;
    }
    return new NegotiationSummary(
        id,
        ownerId,
        Expiry.STATE,
        Expiry.REASON,
        intentCategory,
        agentMode,
        agentRound,
        Expiry.versionAfter(version),
        participantCount,
        acceptedCount,
        myStatus,
        null,
        Expiry.ACTION,
        createdAt,
        updatedAt,
        expiresAt);
  }
}
