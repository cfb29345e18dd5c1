package com.kairos.postgres;

import static com.kairos.postgres.PgCodes.code;
import static com.kairos.postgres.PgCodes.parse;

import com.kairos.domain.common.AgentMode;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.ReplyId;
import com.kairos.domain.common.UserId;
import com.kairos.domain.negotiation.Activity;
import com.kairos.domain.negotiation.NegotiationAction;
import com.kairos.domain.negotiation.NegotiationState;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** A negotiation's history in {@code negotiation_activity}: one line per accepted write. */
final class ActivityLog {
  private ActivityLog() {}

  static void insert(Handle h, Activity a) {
    Sql.insertOrConflict(
        () ->
            h.createUpdate(
                    "INSERT INTO negotiation_activity (negotiation_id, actor_id, action,"
                        + " from_state, to_state, version, at, reply_id, agent_mode) VALUES"
                        + " (:negotiationId, :actorId, :action, :fromState, :toState, :version,"
                        + " :at, :replyId, :agentMode)")
                .bind("negotiationId", a.negotiationId().value())
                .bind("actorId", a.actorId() == null ? null : a.actorId().value())
                .bind("action", code(a.action()))
                .bind("fromState", a.fromState() == null ? null : code(a.fromState()))
                .bind("toState", code(a.toState()))
                .bind("version", a.version())
                .bind("at", Sql.ts(a.at()))
                .bind("replyId", a.replyId() == null ? null : a.replyId().value())
                .bind("agentMode", a.agentMode() == null ? null : code(a.agentMode()))
                .execute(),
        "activity");
  }

  static boolean replyRecorded(Handle h, NegotiationId id, UserId actor, ReplyId replyId) {
    return h.createQuery(
            "SELECT EXISTS (SELECT 1 FROM negotiation_activity WHERE negotiation_id = :id"
                + " AND actor_id = :actor AND reply_id = :replyId)")
        .bind("id", id.value())
        .bind("actor", actor.value())
        .bind("replyId", replyId.value())
        .mapTo(Boolean.class)
        .one();
  }

  static List<Activity> history(Handle h, NegotiationId id) {
    return h.createQuery(
            "SELECT actor_id, action, from_state, to_state, version, at, reply_id, agent_mode"
                + " FROM negotiation_activity WHERE negotiation_id = :id ORDER BY version")
        .bind("id", id.value())
        .map(
            (rs, ctx) -> {
              String actor = rs.getString("actor_id");
              String from = rs.getString("from_state");
              UUID reply = Sql.uuid(rs, "reply_id");
              String mode = rs.getString("agent_mode");
              return new Activity(
                  id,
                  actor == null ? null : new UserId(actor),
                  parse(NegotiationAction.class, rs.getString("action"), "action"),
                  from == null ? null : parse(NegotiationState.class, from, "from_state"),
                  parse(NegotiationState.class, rs.getString("to_state"), "to_state"),
                  rs.getLong("version"),
                  Sql.instant(rs, "at"),
                  reply == null ? null : new ReplyId(reply),
                  mode == null ? null : parse(AgentMode.class, mode, "agent_mode"));
            })
        .list();
  }
}
