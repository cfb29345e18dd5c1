package com.kairos.postgres;

import static com.kairos.postgres.PgCodes.code;

import com.kairos.application.port.ActivityPosition;
import com.kairos.application.port.NegotiationQuery;
import com.kairos.application.port.NegotiationRepository;
import com.kairos.domain.common.ConcurrentModification;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.ReplyId;
import com.kairos.domain.common.UserId;
import com.kairos.domain.negotiation.Activity;
import com.kairos.domain.negotiation.Negotiation;
import com.kairos.domain.negotiation.NegotiationAction;
import com.kairos.domain.negotiation.NegotiationSummary;
import com.kairos.domain.negotiation.Participant;
import com.kairos.domain.negotiation.ProposedSlot;
import com.kairos.domain.negotiation.ProposedVenue;
import com.kairos.postgres.NegotiationRows.NegotiationRow;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

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
    ActivityLog.insert(h, activity);
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
                        + " encrypted_payload = :encryptedPayload,"
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
    ActivityLog.insert(h, activity);
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

  @Override
  public boolean replyRecorded(NegotiationId id, UserId actor, ReplyId replyId) {
    return ActivityLog.replyRecorded(current.get(), id, actor, replyId);
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

  @Override
  public List<NegotiationId> idsInvolving(UserId user) {
    return current
        .get()
        .createQuery(
            "SELECT negotiation_id FROM participants WHERE user_id = :user"
                + " ORDER BY negotiation_id")
        .bind("user", user.value())
        .map((rs, ctx) -> new NegotiationId(Sql.uuid(rs, "negotiation_id")))
        .list();
  }

  @Override
  public List<Negotiation> visibleTo(UserId user, NegotiationId after, int limit) {
    return NegotiationLoader.visibleTo(current.get(), user, after, limit);
  }

  @Override
  public List<NegotiationSummary> listFor(UserId user, NegotiationQuery q, Instant now, int limit) {
    return NegotiationListQuery.run(current.get(), user, q, now, limit);
  }

  @Override
  public List<NegotiationId> expireDue(Instant now, int batchSize) {
    return ExpirySweep.run(current.get(), now, batchSize);
  }
}
