package com.kairos.domain.negotiation;

import com.kairos.domain.common.AgentMode;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.ReplyId;
import com.kairos.domain.common.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of a negotiation's history: who did what, from which state to which, at which version
 * and when. Never a blob. {@code actorId} is null for the system (expiry); {@code fromState} is
 * null for the start; {@code replyId} and {@code agentMode} only accompany replies.
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
    AgentMode agentMode) {

  public Activity {
    Objects.requireNonNull(negotiationId, "negotiationId");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(toState, "toState");
    Objects.requireNonNull(at, "at");
  }

  /** The line a write from {@code before} to {@code after} records. */
  static Activity between(Negotiation before, Negotiation after, ReplyId replyId, AgentMode mode) {
    return new Activity(
        before.id(),
        after.lastActorId().orElse(null),
        after.lastAction(),
        before.state(),
        after.state(),
        after.version(),
        after.updatedAt(),
        replyId,
        mode);
  }
}
