package com.kairos.http.negotiation;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.kairos.domain.common.AgentMode;
import com.kairos.domain.common.EncryptedBlob;
import com.kairos.domain.common.IntentCategory;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.SlotId;
import com.kairos.domain.common.UserId;
import com.kairos.domain.common.VenueId;
import com.kairos.domain.negotiation.CancelReason;
import com.kairos.domain.negotiation.Negotiation;
import com.kairos.domain.negotiation.NegotiationAction;
import com.kairos.domain.negotiation.NegotiationState;
import com.kairos.domain.negotiation.NegotiationSummary;
import com.kairos.domain.negotiation.Participant;
import com.kairos.domain.negotiation.ProposedSlot;
import com.kairos.domain.negotiation.ProposedVenue;
import com.kairos.http.json.JsonTime;
import com.kairos.http.json.WireNames;
import java.time.Instant;
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

  /**
   * What a negotiation is and where it stands: the leading fields of the resource and of the
   * summary, in the order api.md lists them.
   */
  record Standing(
      String id,
      String ownerId,
      String state,
      String cancelReason,
      String intentCategory,
      String agentMode,
      int agentRound,
      long version,
      int participantCount) {
    static Standing of(Negotiation n) {
      return of(
          n.id(),
          n.ownerId(),
          n.state(),
          n.cancelReason().orElse(null),
          n.intentCategory(),
          n.agentMode(),
          n.agentRound(),
          n.version(),
          n.participantCount());
    }

    static Standing of(NegotiationSummary s) {
      return of(
          s.id(),
          s.ownerId(),
          s.state(),
          s.cancelReason(),
          s.intentCategory(),
          s.agentMode(),
          s.agentRound(),
          s.version(),
          s.participantCount());
    }

    private static Standing of(
        NegotiationId id,
        UserId owner,
        NegotiationState state,
        CancelReason cancelReason,
        IntentCategory intent,
        AgentMode agentMode,
        int agentRound,
        long version,
        int participantCount) {
      return new Standing(
          id.toString(),
          owner.value(),
          WireNames.of(state),
          WireNames.of(cancelReason),
          WireNames.of(intent),
          WireNames.of(agentMode),
          agentRound,
          version,
          participantCount);
    }
  }

  /** Who acted last and how, and when the negotiation was created, updated and expires. */
  record Timeline(
      String lastActorId, String lastAction, String createdAt, String updatedAt, String expiresAt) {
    static Timeline of(Negotiation n) {
      return of(
          n.lastActorId().orElse(null),
          n.lastAction(),
          n.createdAt(),
          n.updatedAt(),
          n.expiresAt());
    }

    static Timeline of(NegotiationSummary s) {
      return of(s.lastActorId(), s.lastAction(), s.createdAt(), s.updatedAt(), s.expiresAt());
    }

    private static Timeline of(
        UserId lastActor,
        NegotiationAction lastAction,
        Instant createdAt,
        Instant updatedAt,
        Instant expiresAt) {
      return new Timeline(
          lastActor == null ? null : lastActor.value(),
          WireNames.of(lastAction),
          JsonTime.format(createdAt),
          JsonTime.format(updatedAt),
          JsonTime.format(expiresAt));
    }
  }

  /** The whole negotiation: {@code GET /negotiations/{id}}, start, reply, send and cancel. */
  record Resource(
      @JsonUnwrapped Standing standing,
      boolean isGroup,
      List<ParticipantJson> participants,
      List<SlotJson> proposedSlots,
      List<VenueJson> proposedVenues,
      OutcomeJson outcome,
      String encryptedPayload,
      String counterPayload,
      int encryptedBlobVersion,
      @JsonUnwrapped Timeline timeline) {
    static Resource of(Negotiation n) {
      return new Resource(
          Standing.of(n),
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
          n.encryptedPayload().map(EncryptedBlob::value).orElse(null),
          n.counterPayload().map(EncryptedBlob::value).orElse(null),
          n.blobVersion().value(),
          Timeline.of(n));
    }
  }

  /** A list item: the negotiation as one participant sees it, without blobs or options. */
  record Summary(
      @JsonUnwrapped Standing standing,
      int acceptedCount,
      String myStatus,
      boolean isGroup,
      @JsonUnwrapped Timeline timeline) {
    static Summary of(NegotiationSummary s) {
      return new Summary(
          Standing.of(s),
          s.acceptedCount(),
          WireNames.of(s.myStatus()),
          s.isGroup(),
          Timeline.of(s));
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
