package com.kairos.http;

import com.kairos.domain.common.EncryptedBlob;
import com.kairos.domain.common.SlotId;
import com.kairos.domain.common.UserId;
import com.kairos.domain.common.VenueId;
import com.kairos.domain.event.Event;
import com.kairos.domain.negotiation.Negotiation;
import com.kairos.domain.negotiation.NegotiationSummary;
import com.kairos.domain.negotiation.Participant;
import com.kairos.domain.negotiation.ProposedSlot;
import com.kairos.domain.negotiation.ProposedVenue;
import com.kairos.domain.user.UserProfile;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The response shapes of the API, one record per resource, and the explicit mapping from the
 * domain. Field names become snake_case on the wire; timestamps are UTC with {@code Z}.
 */
final class ResponseJson {
  private ResponseJson() {}

  /**
   * Every timestamp the API writes: UTC, {@code Z}, exactly three fractional digits, so one
   * decoding strategy reads them all (2026-11-25T06:01:10.114Z).
   */
  static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  static String ts(Instant instant) {
    return instant == null ? null : TIMESTAMP.format(instant);
  }

  private static String blob(EncryptedBlob blob) {
    return blob == null ? null : blob.value();
  }

  private static String wire(Enum<?> value) {
    return WireNames.of(value);
  }

  record ParticipantJson(
      String userId,
      String role,
      String status,
      List<String> acceptedSlotIds,
      List<String> acceptedVenueIds,
      String respondedAt,
      String encryptedPayload) {
    static ParticipantJson of(Participant p) {
      return new ParticipantJson(
          p.userId().value(),
          wire(p.role()),
          wire(p.status()),
          p.acceptedSlotIds().stream().map(SlotId::toString).toList(),
          p.acceptedVenueIds().stream().map(VenueId::toString).toList(),
          ts(p.respondedAt()),
          blob(p.encryptedPayload()));
    }
  }

  record SlotJson(
      String id, String startsAt, String endsAt, String timezone, String proposedBy, int round) {
    static SlotJson of(ProposedSlot s) {
      return new SlotJson(
          s.id().toString(),
          ts(s.startsAt()),
          ts(s.endsAt()),
          s.timezone().value(),
          s.proposedBy().value(),
          s.round());
    }
  }

  record VenueJson(
      String id,
      String name,
      String providerId,
      Double latitude,
      Double longitude,
      String proposedBy,
      int round) {
    static VenueJson of(ProposedVenue v) {
      return new VenueJson(
          v.id().toString(),
          v.name(),
          v.providerId(),
          v.latitude(),
          v.longitude(),
          v.proposedBy().value(),
          v.round());
    }
  }

  record OutcomeJson(String slotId, String venueId) {}

  record NegotiationJson(
      String id,
      String ownerId,
      String state,
      String cancelReason,
      String intentCategory,
      String agentMode,
      int agentRound,
      long version,
      int participantCount,
      boolean isGroup,
      List<ParticipantJson> participants,
      List<SlotJson> proposedSlots,
      List<VenueJson> proposedVenues,
      OutcomeJson outcome,
      String encryptedPayload,
      String counterPayload,
      int encryptedBlobVersion,
      String lastActorId,
      String lastAction,
      String createdAt,
      String updatedAt,
      String expiresAt) {
    static NegotiationJson of(Negotiation n) {
      return new NegotiationJson(
          n.id().toString(),
          n.ownerId().value(),
          wire(n.state()),
          n.cancelReason().map(ResponseJson::wire).orElse(null),
          wire(n.intentCategory()),
          wire(n.agentMode()),
          n.agentRound(),
          n.version(),
          n.participantCount(),
          n.isGroup(),
          n.participants().stream().map(ParticipantJson::of).toList(),
          n.slots().stream().map(SlotJson::of).toList(),
          n.venues().stream().map(VenueJson::of).toList(),
          n.outcome()
              .map(
                  o ->
                      new OutcomeJson(
                          o.slotId().toString(),
                          o.venueId() == null ? null : o.venueId().toString()))
              .orElse(null),
          n.encryptedPayload().value(),
          n.counterPayload().map(EncryptedBlob::value).orElse(null),
          n.blobVersion().value(),
          n.lastActorId().map(UserId::value).orElse(null),
          wire(n.lastAction()),
          ts(n.createdAt()),
          ts(n.updatedAt()),
          ts(n.expiresAt()));
    }
  }

  record SummaryJson(
      String id,
      String ownerId,
      String state,
      String cancelReason,
      String intentCategory,
      String agentMode,
      int agentRound,
      long version,
      int participantCount,
      int acceptedCount,
      String myStatus,
      boolean isGroup,
      String lastActorId,
      String lastAction,
      String createdAt,
      String updatedAt,
      String expiresAt) {
    static SummaryJson of(NegotiationSummary s) {
      return new SummaryJson(
          s.id().toString(),
          s.ownerId().value(),
          wire(s.state()),
          s.cancelReason() == null ? null : wire(s.cancelReason()),
          wire(s.intentCategory()),
          wire(s.agentMode()),
          s.agentRound(),
          s.version(),
          s.participantCount(),
          s.acceptedCount(),
          wire(s.myStatus()),
          s.isGroup(),
          s.lastActorId() == null ? null : s.lastActorId().value(),
          wire(s.lastAction()),
          ts(s.createdAt()),
          ts(s.updatedAt()),
          ts(s.expiresAt()));
    }
  }

  record EventJson(
      String id,
      String ownerId,
      String negotiationId,
      String source,
      String status,
      String startsAt,
      String endsAt,
      String timezone,
      String slotId,
      String venueId,
      String intentCategory,
      String encryptedPayload,
      int encryptedBlobVersion,
      String createdAt,
      String updatedAt) {
    static EventJson of(Event e) {
      return new EventJson(
          e.id().toString(),
          e.ownerId().value(),
          e.negotiationId() == null ? null : e.negotiationId().toString(),
          wire(e.source()),
          wire(e.status()),
          ts(e.startsAt()),
          ts(e.endsAt()),
          e.timezone().value(),
          e.slotId() == null ? null : e.slotId().toString(),
          e.venueId() == null ? null : e.venueId().toString(),
          e.intentCategory() == null ? null : wire(e.intentCategory()),
          blob(e.encryptedPayload()),
          e.blobVersion().value(),
          ts(e.createdAt()),
          ts(e.updatedAt()));
    }
  }

  record ProfileJson(
      String id,
      String firebaseUid,
      String displayName,
      String locale,
      Map<String, Boolean> featureFlags,
      String agentModeDefault,
      String createdAt,
      String updatedAt) {
    static ProfileJson of(UserProfile p) {
      return new ProfileJson(
          p.id().toString(),
          p.firebaseUid().value(),
          p.displayName(),
          p.locale(),
          p.featureFlags(),
          wire(p.agentModeDefault()),
          ts(p.createdAt()),
          ts(p.updatedAt()));
    }
  }
}
