package com.kairos.http.negotiation;

import com.kairos.domain.common.EncryptedBlob;
import com.kairos.domain.common.SlotId;
import com.kairos.domain.common.UserId;
import com.kairos.domain.common.VenueId;
import com.kairos.domain.negotiation.Negotiation;
import com.kairos.domain.negotiation.NegotiationSummary;
import com.kairos.domain.negotiation.Participant;
import com.kairos.domain.negotiation.ProposedSlot;
import com.kairos.domain.negotiation.ProposedVenue;
import com.kairos.http.json.JsonTime;
import com.kairos.http.json.WireNames;
import java.util.List;

/**
 * The response shapes of a negotiation and of its list summary, mapped explicitly from the domain.
 * Field names become snake_case on the wire.
 */
final class NegotiationJson {
  private NegotiationJson() {}

  private static String blob(EncryptedBlob blob) {
    return blob == null ? null : blob.value();
  }

  record Resource(
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
    static Resource of(Negotiation n) {
      return new Resource(
          n.id().toString(),
          n.ownerId().value(),
          WireNames.of(n.state()),
          n.cancelReason().map(WireNames::of).orElse(null),
          WireNames.of(n.intentCategory()),
          WireNames.of(n.agentMode()),
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
          WireNames.of(n.lastAction()),
          JsonTime.format(n.createdAt()),
          JsonTime.format(n.updatedAt()),
          JsonTime.format(n.expiresAt()));
    }
  }

  record Summary(
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
    static Summary of(NegotiationSummary s) {
      return new Summary(
          s.id().toString(),
          s.ownerId().value(),
          WireNames.of(s.state()),
          s.cancelReason() == null ? null : WireNames.of(s.cancelReason()),
          WireNames.of(s.intentCategory()),
          WireNames.of(s.agentMode()),
          s.agentRound(),
          s.version(),
          s.participantCount(),
          s.acceptedCount(),
          WireNames.of(s.myStatus()),
          s.isGroup(),
          s.lastActorId() == null ? null : s.lastActorId().value(),
          WireNames.of(s.lastAction()),
          JsonTime.format(s.createdAt()),
          JsonTime.format(s.updatedAt()),
          JsonTime.format(s.expiresAt()));
    }
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
          WireNames.of(p.role()),
          WireNames.of(p.status()),
          p.acceptedSlotIds().stream().map(SlotId::toString).toList(),
          p.acceptedVenueIds().stream().map(VenueId::toString).toList(),
          JsonTime.format(p.respondedAt()),
          blob(p.encryptedPayload()));
    }
  }

  record SlotJson(
      String id, String startsAt, String endsAt, String timezone, String proposedBy, int round) {
    static SlotJson of(ProposedSlot s) {
      return new SlotJson(
          s.id().toString(),
          JsonTime.format(s.startsAt()),
          JsonTime.format(s.endsAt()),
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
}
