package com.kairos.postgres;

import static com.kairos.postgres.PgCodes.code;
import static com.kairos.postgres.PgCodes.parse;

import com.kairos.domain.common.AgentMode;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.ReplyId;
import com.kairos.domain.common.SlotId;
import com.kairos.domain.common.UserId;
import com.kairos.domain.common.VenueId;
import com.kairos.domain.negotiation.Activity;
import com.kairos.domain.negotiation.NegotiationAction;
import com.kairos.domain.negotiation.NegotiationState;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** A negotiation's history in {@code negotiation_activity}: one line per accepted write. */
final class ActivityLog {
  private static final String COLUMNS =
      "negotiation_id, actor_id, action, from_state, to_state, version, at, reply_id, agent_mode,"
          + " added_slot_ids, added_venue_ids";

  private static final RowMapper<Activity> MAPPER =
      (rs, ctx) -> {
        String actor = rs.getString("actor_id");
        String from = rs.getString("from_state");
        UUID reply = Sql.uuid(rs, "reply_id");
        String mode = rs.getString("agent_mode");
        return new Activity(
            new NegotiationId(Sql.uuid(rs, "negotiation_id")),
            actor == null ? null : new UserId(actor),
            parse(NegotiationAction.class, rs.getString("action"), "action"),
            from == null ? null : parse(NegotiationState.class, from, "from_state"),
            parse(NegotiationState.class, rs.getString("to_state"), "to_state"),
            rs.getLong("version"),
            Sql.instant(rs, "at"),
            reply == null ? null : new ReplyId(reply),
            mode == null ? null : parse(AgentMode.class, mode, "agent_mode"),
            Sql.uuids(rs, "added_slot_ids").stream().map(SlotId::new).toList(),
            Sql.uuids(rs, "added_venue_ids").stream().map(VenueId::new).toList());
      };

  private ActivityLog() {}

  static void insert(Handle h, Activity a) {
    Sql.insertOrConflict(
        () ->
            h.createUpdate(
                    "INSERT INTO negotiation_activity ("
                        + COLUMNS
                        + ") VALUES (:negotiationId, :actorId, :action, :fromState, :toState,"
                        + " :version, :at, :replyId, :agentMode, :addedSlots, :addedVenues)")
                .bind("negotiationId", a.negotiationId().value())
                .bind("actorId", a.actorId() == null ? null : a.actorId().value())
                .bind("action", code(a.action()))
                .bind("fromState", a.fromState() == null ? null : code(a.fromState()))
                .bind("toState", code(a.toState()))
                .bind("version", a.version())
                .bind("at", Sql.ts(a.at()))
                .bind("replyId", a.replyId() == null ? null : a.replyId().value())
                .bind("agentMode", a.agentMode() == null ? null : code(a.agentMode()))
                .bind("addedSlots", Sql.uuidArray(a.addedSlotIds(), SlotId::value))
                .bind("addedVenues", Sql.uuidArray(a.addedVenueIds(), VenueId::value))
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
    return page(h, id, 0, Integer.MAX_VALUE);
  }

  /** Up to {@code limit} lines with a version above {@code afterVersion}, oldest first. */
  static List<Activity> page(Handle h, NegotiationId id, long afterVersion, int limit) {
    return h.createQuery(
            "SELECT "
                + COLUMNS
                + " FROM negotiation_activity WHERE negotiation_id = :id AND version > :after"
                + " ORDER BY version LIMIT :limit")
        .bind("id", id.value())
        .bind("after", afterVersion)
        .bind("limit", limit)
        .map(MAPPER)
        .list();
  }

  /**
   * Up to {@code limit} lines {@code actor} wrote, by negotiation id then version, strictly after
   * the line ({@code afterNegotiation}, {@code afterVersion}) when one is given.
   */
  static List<Activity> authoredBy(
      Handle h, UserId actor, NegotiationId afterNegotiation, long afterVersion, int limit) {
    return h.createQuery(
            "SELECT "
                + COLUMNS
                + " FROM negotiation_activity WHERE actor_id = :actor"
                + (afterNegotiation == null
                    ? ""
                    : " AND (negotiation_id, version) > (:afterId, :afterVersion)")
                + " ORDER BY negotiation_id, version LIMIT :limit")
        .bind("actor", actor.value())
        .bind("afterId", afterNegotiation == null ? null : afterNegotiation.value())
        .bind("afterVersion", afterVersion)
        .bind("limit", limit)
        .map(MAPPER)
        .list();
  }
}
