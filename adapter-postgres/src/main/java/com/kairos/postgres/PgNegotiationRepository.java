package com.kairos.postgres;

import static com.kairos.postgres.PgCodes.code;
import static com.kairos.postgres.PgCodes.parse;

import com.kairos.application.port.NegotiationQuery;
import com.kairos.application.port.NegotiationRepository;
import com.kairos.domain.common.AgentMode;
import com.kairos.domain.common.ConcurrentModification;
import com.kairos.domain.common.IntentCategory;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.ReplyId;
import com.kairos.domain.common.UserId;
import com.kairos.domain.negotiation.Activity;
import com.kairos.domain.negotiation.CancelReason;
import com.kairos.domain.negotiation.Expiry;
import com.kairos.domain.negotiation.Negotiation;
import com.kairos.domain.negotiation.NegotiationAction;
import com.kairos.domain.negotiation.NegotiationState;
import com.kairos.domain.negotiation.NegotiationSummary;
import com.kairos.domain.negotiation.Participant;
import com.kairos.domain.negotiation.ParticipantStatus;
import com.kairos.domain.negotiation.ProposedSlot;
import com.kairos.domain.negotiation.ProposedVenue;
import com.kairos.postgres.NegotiationRows.NegotiationRow;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/**
 * Negotiations on PostgreSQL: one row per negotiation plus its participants, options and history.
 * Writes check the stored version; {@link #findByIdForUpdate} takes a row lock so that replies to
 * one negotiation serialize.
 */
public final class PgNegotiationRepository implements NegotiationRepository {
  private static final String COLUMNS = NegotiationLoader.COLUMNS;

  private final CurrentHandle current;

  PgNegotiationRepository(CurrentHandle current) {
    this.current = current;
  }

  @Override
  public Optional<Negotiation> findById(NegotiationId id) {
    return NegotiationLoader.load(current.get(), id, false);
  }

  @Override
  public Optional<Negotiation> findByIdForUpdate(NegotiationId id) {
    return NegotiationLoader.load(current.get(), id, true);
  }

  @Override
  public void insert(Negotiation n, Activity activity) {
    Handle h = current.get();
    NegotiationRow r = NegotiationRow.of(n);
    String insert =
        "INSERT INTO negotiations ("
            + COLUMNS
            + ", participant_count, accepted_count) VALUES (:id, :ownerId, :state,"
            + " :cancelReason, :intentCategory, :agentMode, :agentRound, :version,"
            + " :outcomeSlotId, :outcomeVenueId, :encryptedPayload, :counterPayload,"
            + " :blobVersion, :lastActorId, :lastAction, :createdAt, :updatedAt, :expiresAt,"
            + " :activatedAt, :startFingerprint, :participantCount, :acceptedCount)";
    Sql.insertOrConflict(
        () ->
            r.bindTo(h.createUpdate(insert))
                .bind("participantCount", n.participantCount())
                .bind("acceptedCount", n.acceptedCount())
                .execute(),
        "negotiation");
    PreparedBatch participants =
        h.prepareBatch(
            "INSERT INTO participants (negotiation_id, user_id, position, role, status,"
                + " accepted_slot_ids, accepted_venue_ids, responded_at, encrypted_payload,"
                + " negotiation_updated_at, visible) VALUES (:negotiationId, :userId, :position,"
                + " :role, :status, :slots, :venues, :respondedAt, :payload, :updatedAt,"
                + " :visible)");
    for (int i = 0; i < n.participants().size(); i++) {
      bindParticipant(participants, n, n.participants().get(i)).bind("position", i).add();
    }
    participants.execute();
    insertSlots(h, n, n.slots(), 0);
    insertVenues(h, n, n.venues(), 0);
    insertActivity(h, activity);
  }

  @Override
  public void update(Negotiation n, Activity activity) {
    Handle h = current.get();
    int changed =
        NegotiationRow.of(n)
            .bindTo(
                h.createUpdate(
                    "UPDATE negotiations SET state = :state, cancel_reason = :cancelReason,"
                        + " agent_round = :agentRound, version = :version,"
                        + " accepted_count = :acceptedCount, outcome_slot_id = :outcomeSlotId,"
                        + " outcome_venue_id = :outcomeVenueId, counter_payload = :counterPayload,"
                        + " last_actor_id = :lastActorId, last_action = :lastAction,"
                        + " updated_at = :updatedAt, activated_at = :activatedAt"
                        + " WHERE id = :id AND version = :previousVersion"))
            .bind("acceptedCount", n.acceptedCount())
            .bind("previousVersion", n.version() - 1)
            .execute();
    if (changed != 1) {
      throw new ConcurrentModification("negotiation changed concurrently");
    }
    updateParticipants(h, n);
    if (activity.action() == NegotiationAction.COUNTER) {
      // A counter appends the options of its round; options are never withdrawn.
      List<ProposedSlot> newSlots =
          n.slots().stream().filter(s -> s.round() == n.agentRound()).toList();
      List<ProposedVenue> newVenues =
          n.venues().stream().filter(v -> v.round() == n.agentRound()).toList();
      insertSlots(h, n, newSlots, n.slots().size() - newSlots.size());
      insertVenues(h, n, newVenues, n.venues().size() - newVenues.size());
    }
    insertActivity(h, activity);
  }

  /**
   * Every participant's row in one statement (parallel arrays unnested into rows), whatever the
   * size of the negotiation: a reply costs the same round trips for two people as for fifty.
   */
  private static void updateParticipants(Handle h, Negotiation n) {
    List<Participant> all = n.participants();
    int size = all.size();
    String[] users = new String[size];
    String[] statuses = new String[size];
    String[] slots = new String[size];
    String[] venues = new String[size];
    Long[] respondedAt = new Long[size];
    String[] payloads = new String[size];
    Boolean[] visible = new Boolean[size];
    for (int i = 0; i < size; i++) {
      Participant p = all.get(i);
      users[i] = p.userId().value();
      statuses[i] = code(p.status());
      slots[i] = arrayLiteral(p.acceptedSlotIds().stream().map(id -> id.value()).toList());
      venues[i] = arrayLiteral(p.acceptedVenueIds().stream().map(id -> id.value()).toList());
      respondedAt[i] = p.respondedAt() == null ? null : micros(p.respondedAt());
      payloads[i] = p.encryptedPayload() == null ? null : p.encryptedPayload().value();
      visible[i] = n.isVisibleTo(p.userId());
    }
    int changed =
        h.createUpdate(
                "UPDATE participants p SET status = v.status,"
                    + " accepted_slot_ids = v.slots::uuid[], accepted_venue_ids = v.venues::uuid[],"
                    + " responded_at = timestamptz 'epoch' + v.micros * interval '1 microsecond',"
                    + " encrypted_payload = v.payload, negotiation_updated_at = :updatedAt,"
                    + " visible = v.visible"
                    + " FROM unnest(:users, :statuses, :slots, :venues, :micros, :payloads,"
                    + " :visible) AS v(user_id, status, slots, venues, micros, payload, visible)"
                    + " WHERE p.negotiation_id = :negotiationId AND p.user_id = v.user_id")
            .bind("negotiationId", n.id().value())
            .bind("updatedAt", Sql.ts(n.updatedAt()))
            .bindArray("users", String.class, (Object[]) users)
            .bindArray("statuses", String.class, (Object[]) statuses)
            .bindArray("slots", String.class, (Object[]) slots)
            .bindArray("venues", String.class, (Object[]) venues)
            .bindArray("micros", Long.class, (Object[]) respondedAt)
            .bindArray("payloads", String.class, (Object[]) payloads)
            .bindArray("visible", Boolean.class, (Object[]) visible)
            .execute();
    if (changed != size) {
      throw new ConcurrentModification("participants changed concurrently");
    }
  }

  private static String arrayLiteral(List<UUID> ids) {
    StringBuilder literal = new StringBuilder("{");
    for (int i = 0; i < ids.size(); i++) {
      literal.append(i == 0 ? "" : ",").append(ids.get(i));
    }
    return literal.append('}').toString();
  }

  private static long micros(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000L);
  }

  private static PreparedBatch bindParticipant(PreparedBatch batch, Negotiation n, Participant p) {
    return batch
        .bind("negotiationId", n.id().value())
        .bind("userId", p.userId().value())
        .bind("role", code(p.role()))
        .bind("status", code(p.status()))
        .bind("slots", Sql.uuidArray(p.acceptedSlotIds(), s -> s.value()))
        .bind("venues", Sql.uuidArray(p.acceptedVenueIds(), v -> v.value()))
        .bind("respondedAt", Sql.ts(p.respondedAt()))
        .bind("payload", p.encryptedPayload() == null ? null : p.encryptedPayload().value())
        .bind("updatedAt", Sql.ts(n.updatedAt()))
        .bind("visible", n.isVisibleTo(p.userId()));
  }

  private static void insertSlots(Handle h, Negotiation n, List<ProposedSlot> slots, int first) {
    if (slots.isEmpty()) {
      return;
    }
    PreparedBatch batch =
        h.prepareBatch(
            "INSERT INTO proposed_slots (negotiation_id, id, starts_at, ends_at, timezone,"
                + " proposed_by, round, position) VALUES (:negotiationId, :id, :startsAt, :endsAt,"
                + " :timezone, :proposedBy, :round, :position)");
    for (int i = 0; i < slots.size(); i++) {
      ProposedSlot s = slots.get(i);
      batch
          .bind("negotiationId", n.id().value())
          .bind("id", s.id().value())
          .bind("startsAt", Sql.ts(s.startsAt()))
          .bind("endsAt", Sql.ts(s.endsAt()))
          .bind("timezone", s.timezone().value())
          .bind("proposedBy", s.proposedBy().value())
          .bind("round", s.round())
          .bind("position", first + i)
          .add();
    }
    batch.execute();
  }

  private static void insertVenues(Handle h, Negotiation n, List<ProposedVenue> venues, int first) {
    if (venues.isEmpty()) {
      return;
    }
    PreparedBatch batch =
        h.prepareBatch(
            "INSERT INTO proposed_venues (negotiation_id, id, name, provider_id, latitude,"
                + " longitude, proposed_by, round, position) VALUES (:negotiationId, :id, :name,"
                + " :providerId, :latitude, :longitude, :proposedBy, :round, :position)");
    for (int i = 0; i < venues.size(); i++) {
      ProposedVenue v = venues.get(i);
      batch
          .bind("negotiationId", n.id().value())
          .bind("id", v.id().value())
          .bind("name", v.name())
          .bind("providerId", v.providerId())
          .bind("latitude", v.latitude())
          .bind("longitude", v.longitude())
          .bind("proposedBy", v.proposedBy().value())
          .bind("round", v.round())
          .bind("position", first + i)
          .add();
    }
    batch.execute();
  }

  private static void insertActivity(Handle h, Activity a) {
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

  @Override
  public boolean replyRecorded(NegotiationId id, UserId actor, ReplyId replyId) {
    return current
        .get()
        .createQuery(
            "SELECT EXISTS (SELECT 1 FROM negotiation_activity WHERE negotiation_id = :id"
                + " AND actor_id = :actor AND reply_id = :replyId)")
        .bind("id", id.value())
        .bind("actor", actor.value())
        .bind("replyId", replyId.value())
        .mapTo(Boolean.class)
        .one();
  }

  @Override
  public List<Activity> history(NegotiationId id) {
    return current
        .get()
        .createQuery(
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

  @Override
  public List<NegotiationSummary> listFor(UserId user, NegotiationQuery q, Instant now, int limit) {
    Handle h = current.get();
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

  /**
   * The states the sweep picks up, written out rather than bound: they must match the predicate of
   * the partial index {@code negotiations_due_for_expiry} for the planner to use it with a generic
   * plan. {@code ExpirySqlContractTest} checks them against {@link Expiry#expiringStates()}.
   */
  static final String DUE_STATES = "('draft', 'active')";

  /**
   * The sweep statement, the one place the expiry rule runs in SQL (the contract suite compares its
   * result with {@link com.kairos.domain.negotiation.Negotiation#expire}); what it writes is bound
   * from {@link Expiry}. Package-visible for the plan and contract tests.
   */
  static final String EXPIRE_SQL =
      "WITH due AS ("
          + "  SELECT id, state FROM negotiations"
          + "  WHERE state IN "
          + DUE_STATES
          + " AND expires_at <= :now"
          + "  ORDER BY expires_at LIMIT :batch FOR UPDATE SKIP LOCKED"
          + "), expired AS ("
          + "  UPDATE negotiations n SET state = :expiredState, cancel_reason = :expiredReason,"
          + "    version = n.version + 1, updated_at = :now, last_actor_id = NULL,"
          + "    last_action = :expireAction"
          + "  FROM due WHERE n.id = due.id"
          + "  RETURNING n.id, n.version, due.state AS from_state"
          + "), touched AS ("
          + "  UPDATE participants p SET negotiation_updated_at = :now"
          + "  FROM expired e WHERE p.negotiation_id = e.id"
          + "), logged AS ("
          + "  INSERT INTO negotiation_activity (negotiation_id, actor_id, action, from_state,"
          + "    to_state, version, at)"
          + "  SELECT id, NULL, :expireAction, from_state, :expiredState, version, :now FROM expired"
          + "  RETURNING 1"
          + ") SELECT count(*) FROM logged"; // every CTE runs to completion, read or not

  @Override
  public int expireDue(Instant now, int batchSize) {
    return current
        .get()
        .createQuery(EXPIRE_SQL)
        .bind("expiredState", code(Expiry.STATE))
        .bind("expiredReason", code(Expiry.REASON))
        .bind("expireAction", code(Expiry.ACTION))
        .bind("now", Sql.ts(now))
        .bind("batch", batchSize)
        .mapTo(Integer.class)
        .one();
  }
}
