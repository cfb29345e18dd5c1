package com.kairos.postgres;

import com.kairos.application.port.ActivityPosition;
import com.kairos.application.port.NegotiationHistory;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.UserId;
import com.kairos.domain.negotiation.Activity;
import java.util.List;

/** Negotiation history read back from PostgreSQL's {@code negotiation_activity}. */
final class PgNegotiationHistory implements NegotiationHistory {
  private final CurrentHandle current;

  PgNegotiationHistory(CurrentHandle current) {
    this.current = current;
  }

  @Override
  public List<Activity> history(NegotiationId id) {
    return ActivityLog.history(current.get(), id);
  }

  @Override
  public List<Activity> activity(NegotiationId id, long afterVersion, int limit) {
    return ActivityLog.page(current.get(), id, afterVersion, limit);
  }

  @Override
  public List<Activity> authoredBy(UserId actor, ActivityPosition after, int limit) {
    return ActivityLog.authoredBy(
        current.get(),
        actor,
        after == null ? null : after.negotiationId(),
        after == null ? 0 : after.version(),
        limit);
  }
}
