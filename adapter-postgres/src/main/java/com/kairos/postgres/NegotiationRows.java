package com.kairos.postgres;

import static com.kairos.postgres.PgCodes.code;
import static com.kairos.postgres.PgCodes.parse;

import com.kairos.domain.common.AgentMode;
import com.kairos.domain.common.BlobVersion;
import com.kairos.domain.common.EncryptedBlob;
import com.kairos.domain.common.IntentCategory;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.SlotId;
import com.kairos.domain.common.TimeRange;
import com.kairos.domain.common.TimeZoneId;
import com.kairos.domain.common.UserId;
import com.kairos.domain.common.VenueId;
import com.kairos.domain.negotiation.CancelReason;
import com.kairos.domain.negotiation.Lifecycle;
import com.kairos.domain.negotiation.Negotiation;
import com.kairos.domain.negotiation.NegotiationAction;
import com.kairos.domain.negotiation.NegotiationSnapshot;
import com.kairos.domain.negotiation.NegotiationState;
import com.kairos.domain.negotiation.Options;
import com.kairos.domain.negotiation.Outcome;
import com.kairos.domain.negotiation.Participant;
import com.kairos.domain.negotiation.ParticipantRole;
import com.kairos.domain.negotiation.ParticipantStatus;
import com.kairos.domain.negotiation.Payloads;
import com.kairos.domain.negotiation.ProposedSlot;
import com.kairos.domain.negotiation.ProposedVenue;
import com.kairos.domain.negotiation.Revision;
import com.kairos.domain.negotiation.Roster;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The persistence shapes of a negotiation (one row per table) and their explicit mapping to and
 * from the domain. Blobs travel as the exact text stored.
 */
final class NegotiationRows {
  private NegotiationRows() {}

  /** A {@code negotiations} row. */
  record NegotiationRow(
      UUID id,
      String ownerId,
      String state,
      String cancelReason,
      String intentCategory,
      String agentMode,
      int agentRound,
      long version,
      UUID outcomeSlotId,
      UUID outcomeVenueId,
      String encryptedPayload,
      String counterPayload,
      int blobVersion,
      String lastActorId,
      String lastAction,
      Instant createdAt,
      Instant updatedAt,
      Instant expiresAt,
      Instant activatedAt,
      String startFingerprint) {

    static final RowMapper<NegotiationRow> MAPPER =
        (rs, ctx) ->
            new NegotiationRow(
                Sql.uuid(rs, "id"),
                rs.getString("owner_id"),
                rs.getString("state"),
                rs.getString("cancel_reason"),
                rs.getString("intent_category"),
                rs.getString("agent_mode"),
                rs.getInt("agent_round"),
                rs.getLong("version"),
                Sql.uuid(rs, "outcome_slot_id"),
                Sql.uuid(rs, "outcome_venue_id"),
                rs.getString("encrypted_payload"),
                rs.getString("counter_payload"),
                rs.getInt("encrypted_blob_version"),
                rs.getString("last_actor_id"),
                rs.getString("last_action"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"),
                Sql.instant(rs, "expires_at"),
                Sql.instant(rs, "activated_at"),
                rs.getString("start_fingerprint"));

    static NegotiationRow of(Negotiation n) {
      return new NegotiationRow(
          n.id().value(),
          n.ownerId().value(),
          code(n.state()),
          n.cancelReason().map(PgCodes::code).orElse(null),
          code(n.intentCategory()),
          code(n.agentMode()),
          n.agentRound(),
          n.version(),
          n.outcome().map(o -> o.slotId().value()).orElse(null),
          n.outcome().map(o -> o.venueId() == null ? null : o.venueId().value()).orElse(null),
          n.encryptedPayload().map(EncryptedBlob::value).orElse(null),
          n.counterPayload().map(EncryptedBlob::value).orElse(null),
          n.blobVersion().value(),
          n.lastActorId().map(UserId::value).orElse(null),
          code(n.lastAction()),
          n.createdAt(),
          n.updatedAt(),
          n.expiresAt(),
          n.activatedAt().orElse(null),
          n.startFingerprint().orElse(null));
    }

    /** Binds every column of this row by its Java name. */
    <S extends SqlStatement<S>> S bindTo(S statement) {
      return statement
          .bind("id", id)
          .bind("ownerId", ownerId)
          .bind("state", state)
          .bind("cancelReason", cancelReason)
          .bind("intentCategory", intentCategory)
          .bind("agentMode", agentMode)
          .bind("agentRound", agentRound)
          .bind("version", version)
          .bind("outcomeSlotId", outcomeSlotId)
          .bind("outcomeVenueId", outcomeVenueId)
          .bind("encryptedPayload", encryptedPayload)
          .bind("counterPayload", counterPayload)
          .bind("blobVersion", blobVersion)
          .bind("lastActorId", lastActorId)
          .bind("lastAction", lastAction)
          .bind("createdAt", Sql.ts(createdAt))
          .bind("updatedAt", Sql.ts(updatedAt))
          .bind("expiresAt", Sql.ts(expiresAt))
          .bind("activatedAt", Sql.ts(activatedAt))
          .bind("startFingerprint", startFingerprint);
    }

    Negotiation toDomain(
        List<ParticipantRow> participants, List<SlotRow> slots, List<VenueRow> venues) {
      Outcome outcome =
          outcomeSlotId == null
              ? null
              : new Outcome(
                  new SlotId(outcomeSlotId),
                  outcomeVenueId == null ? null : new VenueId(outcomeVenueId));
      return Negotiation.rehydrate(
          new NegotiationSnapshot(
              new NegotiationId(id),
              new UserId(ownerId),
              parse(IntentCategory.class, intentCategory, "intent_category"),
              parse(AgentMode.class, agentMode, "agent_mode"),
              new Lifecycle(
                  parse(NegotiationState.class, state, "state"),
                  cancelReason == null
                      ? null
                      : parse(CancelReason.class, cancelReason, "cancel_reason"),
                  outcome,
                  expiresAt,
                  activatedAt),
              new Revision(
                  version,
                  lastActorId == null ? null : new UserId(lastActorId),
                  parse(NegotiationAction.class, lastAction, "last_action"),
                  createdAt,
                  updatedAt),
              new Roster(participants.stream().map(ParticipantRow::toDomain).toList()),
              new Options(
                  slots.stream().map(SlotRow::toDomain).toList(),
                  venues.stream().map(VenueRow::toDomain).toList(),
                  agentRound),
              new Payloads(
                  encryptedPayload == null
                      ? null
                      : EncryptedBlob.of(encryptedPayload, "encrypted_payload"),
                  counterPayload == null
                      ? null
                      : EncryptedBlob.of(counterPayload, "counter_payload"),
                  new BlobVersion(blobVersion)),
              startFingerprint));
    }
  }

  /** A {@code participants} row. */
  record ParticipantRow(
      String userId,
      String role,
      String status,
      List<UUID> acceptedSlotIds,
      List<UUID> acceptedVenueIds,
      Instant respondedAt,
      String encryptedPayload) {

    static final RowMapper<ParticipantRow> MAPPER =
        (rs, ctx) ->
            new ParticipantRow(
                rs.getString("user_id"),
                rs.getString("role"),
                rs.getString("status"),
                Sql.uuids(rs, "accepted_slot_ids"),
                Sql.uuids(rs, "accepted_venue_ids"),
                Sql.instant(rs, "responded_at"),
                rs.getString("encrypted_payload"));

    Participant toDomain() {
      LinkedHashSet<SlotId> slots = new LinkedHashSet<>();
      acceptedSlotIds.forEach(id -> slots.add(new SlotId(id)));
      LinkedHashSet<VenueId> venues = new LinkedHashSet<>();
      acceptedVenueIds.forEach(id -> venues.add(new VenueId(id)));
      return new Participant(
          new UserId(userId),
          parse(ParticipantRole.class, role, "role"),
          parse(ParticipantStatus.class, status, "status"),
          slots,
          venues,
          respondedAt,
          encryptedPayload == null
              ? null
              : EncryptedBlob.of(encryptedPayload, "encrypted_payload"));
    }
  }

  /** A {@code proposed_slots} row. */
  record SlotRow(
      UUID id, Instant startsAt, Instant endsAt, String timezone, String proposedBy, int round) {

    static final RowMapper<SlotRow> MAPPER =
        (rs, ctx) ->
            new SlotRow(
                Sql.uuid(rs, "id"),
                Sql.instant(rs, "starts_at"),
                Sql.instant(rs, "ends_at"),
                rs.getString("timezone"),
                rs.getString("proposed_by"),
                rs.getInt("round"));

    ProposedSlot toDomain() {
      return new ProposedSlot(
          new SlotId(id),
          new TimeRange(startsAt, endsAt),
          new TimeZoneId(timezone),
          new UserId(proposedBy),
          round);
    }
  }

  /** A {@code proposed_venues} row. */
  record VenueRow(
      UUID id,
      String name,
      String providerId,
      Double latitude,
      Double longitude,
      String proposedBy,
      int round) {

    static final RowMapper<VenueRow> MAPPER =
        (rs, ctx) ->
            new VenueRow(
                Sql.uuid(rs, "id"),
                rs.getString("name"),
                rs.getString("provider_id"),
                Sql.nullableDouble(rs, "latitude"),
                Sql.nullableDouble(rs, "longitude"),
                rs.getString("proposed_by"),
                rs.getInt("round"));

    ProposedVenue toDomain() {
      return new ProposedVenue(
          new VenueId(id), name, providerId, latitude, longitude, new UserId(proposedBy), round);
    }
  }
}
