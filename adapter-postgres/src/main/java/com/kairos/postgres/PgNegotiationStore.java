package com.kairos.postgres;

import static com.kairos.postgres.PgCodes.code;

import com.kairos.application.port.NegotiationStore;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.ReplyId;
import com.kairos.domain.common.UserId;
import com.kairos.domain.negotiation.Activity;
import com.kairos.domain.negotiation.Negotiation;
import com.kairos.domain.negotiation.Participant;
import com.kairos.domain.negotiation.ProposedSlot;
import com.kairos.domain.negotiation.ProposedVenue;
import com.kairos.postgres.NegotiationRows.NegotiationRow;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The negotiations use cases load and write, on PostgreSQL: one row per negotiation plus its
 * participants, options and history. Writes check the stored version; {@link #findByIdForUpdate}
 * takes a row lock so that replies to one negotiation serialize.
 */
public final class PgNegotiationStore implements NegotiationStore {
  private static final String COLUMNS = NegotiationLoader.COLUMNS;

  private final CurrentHandle current;

  PgNegotiationStore(CurrentHandle current) {
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
    NegotiationUpdate.write(h, n);
    // A counter appends the options its history line names; options are never withdrawn.
    List<ProposedSlot> newSlots =
        n.slots().stream().filter(s -> activity.addedSlotIds().contains(s.id())).toList();
    List<ProposedVenue> newVenues =
        n.venues().stream().filter(v -> activity.addedVenueIds().contains(v.id())).toList();
    insertSlots(h, n, newSlots, n.slots().size() - newSlots.size());
    insertVenues(h, n, newVenues, n.venues().size() - newVenues.size());
    ActivityLog.insert(h, activity);
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
}
