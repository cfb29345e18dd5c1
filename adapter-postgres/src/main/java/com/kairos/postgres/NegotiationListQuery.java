package com.kairos.postgres;

import static com.kairos.postgres.PgCodes.code;
import static com.kairos.postgres.PgCodes.parse;

import com.kairos.application.port.NegotiationQuery;
import com.kairos.domain.common.AgentMode;
import com.kairos.domain.common.IntentCategory;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.UserId;
import com.kairos.domain.negotiation.CancelReason;
import com.kairos.domain.negotiation.Expiry;
import com.kairos.domain.negotiation.NegotiationAction;
import com.kairos.domain.negotiation.NegotiationState;
import com.kairos.domain.negotiation.NegotiationSummary;
import com.kairos.domain.negotiation.ParticipantStatus;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * A user's negotiation list: one keyset-paged statement over their participant rows, filtered on
 * the state as it reads now (the expiry rule's codes bound from {@link Expiry}).
 */
final class NegotiationListQuery {
  private NegotiationListQuery() {}

  /** The list query; package-visible so that the plan test explains exactly this SQL. */
  static String listSql(NegotiationQuery q) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT n.id, n.owner_id, n.state, n.cancel_reason, n.intent_category, n.agent_mode,"
                + " n.agent_round, n.version, n.participant_count, n.accepted_count,"
                + " p.status AS my_status, n.last_actor_id, n.last_action, n.created_at,"
                + " n.updated_at, n.expires_at"
                + " FROM participants p JOIN negotiations n ON n.id = p.negotiation_id"
                + " WHERE p.user_id = :user AND p.visible");
    if (q.after() != null) {
      sql.append(" AND (p.negotiation_updated_at, p.negotiation_id) < (:afterTs, :afterId)");
    }
    if (q.updatedAfter() != null) {
      sql.append(" AND p.negotiation_updated_at > :updatedAfter");
    }
    if (q.role() != null) {
      sql.append(" AND p.role = :role");
    }
    if (!q.states().isEmpty()) {
      // Matched on the state as it reads now: an unswept expiry counts as cancelled.
      // Matched on the state as it reads now (Expiry.stateAsOf): the codes are bound from it.
      sql.append(
          " AND (CASE WHEN n.state = ANY(:expiringStates) AND n.expires_at <= :now"
              + " THEN :expiredState ELSE n.state END) = ANY(:states)");
    }
    if (q.awaitingMe()) {
      sql.append(
          " AND n.state = :activeState AND n.expires_at > :now AND p.status = :pendingStatus");
    }
    sql.append(" ORDER BY p.negotiation_updated_at DESC, p.negotiation_id DESC LIMIT :limit");
    return sql.toString();
  }

  static Query bindList(Query query, UserId user, NegotiationQuery q, Instant now, int limit) {
    query.bind("user", user.value()).bind("now", Sql.ts(now)).bind("limit", limit);
    if (q.after() != null) {
      query.bind("afterTs", Sql.ts(q.after().updatedAt())).bind("afterId", q.after().id());
    }
    if (q.updatedAfter() != null) {
      query.bind("updatedAfter", Sql.ts(q.updatedAfter()));
    }
    if (q.role() != null) {
      query.bind("role", code(q.role()));
    }
    if (!q.states().isEmpty()) {
      query
          .bind("states", PgCodes.codes(q.states()))
          .bind("expiringStates", PgCodes.codes(Expiry.expiringStates()))
          .bind("expiredState", code(Expiry.STATE));
    }
    if (q.awaitingMe()) {
      query
          .bind("activeState", code(NegotiationState.ACTIVE))
          .bind("pendingStatus", code(ParticipantStatus.PENDING));
    }
    return query;
  }

  static List<NegotiationSummary> run(
      Handle h, UserId user, NegotiationQuery q, Instant now, int limit) {
    return bindList(h.createQuery(listSql(q)), user, q, now, limit)
        .map(
            (rs, ctx) -> {
              String reason = rs.getString("cancel_reason");
              String lastActor = rs.getString("last_actor_id");
              return new NegotiationSummary(
                  new NegotiationId(Sql.uuid(rs, "id")),
                  new UserId(rs.getString("owner_id")),
                  parse(NegotiationState.class, rs.getString("state"), "state"),
                  reason == null ? null : parse(CancelReason.class, reason, "cancel_reason"),
                  parse(IntentCategory.class, rs.getString("intent_category"), "intent_category"),
                  parse(AgentMode.class, rs.getString("agent_mode"), "agent_mode"),
                  rs.getInt("agent_round"),
                  rs.getLong("version"),
                  rs.getInt("participant_count"),
                  rs.getInt("accepted_count"),
                  parse(ParticipantStatus.class, rs.getString("my_status"), "my_status"),
                  lastActor == null ? null : new UserId(lastActor),
                  parse(NegotiationAction.class, rs.getString("last_action"), "last_action"),
                  Sql.instant(rs, "created_at"),
                  Sql.instant(rs, "updated_at"),
                  Sql.instant(rs, "expires_at"));
            })
        .list();
  }
}
