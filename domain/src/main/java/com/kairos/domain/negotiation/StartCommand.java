package com.kairos.domain.negotiation;

import com.kairos.domain.common.AgentMode;
import com.kairos.domain.common.BlobVersion;
import com.kairos.domain.common.EncryptedBlob;
import com.kairos.domain.common.IntentCategory;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.UserId;
import com.kairos.domain.common.Uuids;
import com.kairos.domain.common.ValidationFailure;
import com.kairos.domain.common.ValidationFailure.Reason;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a client sends to start a negotiation. Optional components are null when the client
 * left them out; {@link #fingerprint()} depends on exactly what was sent, so an offline retry of
 * the same request is recognised while a different request with the same id is not.
 */
public record StartCommand(
    NegotiationId id,
    IntentCategory intentCategory,
    List<UserId> participantIds,
    List<SlotProposal> proposedSlots,
    List<VenueProposal> proposedVenues,
    AgentMode agentMode,
    NegotiationState initialState,
    Instant expiresAt,
    EncryptedBlob encryptedPayload,
    BlobVersion blobVersion) {

  public StartCommand {
    Objects.requireNonNull(id, "id");
    Uuids.requireV4(id.value(), "id");
    Objects.requireNonNull(intentCategory, "intentCategory");
    Objects.requireNonNull(participantIds, "participantIds");
    Objects.requireNonNull(proposedSlots, "proposedSlots");
    Objects.requireNonNull(encryptedPayload, "encryptedPayload");
    participantIds = List.copyOf(participantIds);
    proposedSlots = List.copyOf(proposedSlots);
    proposedVenues = proposedVenues == null ? null : List.copyOf(proposedVenues);
    // A list longer than a negotiation holds is refused at once; the invitees are counted (and
    // "at least one" checked) once the owner is known, in NegotiationStart.
    Limits.requireAtMostParticipants(participantIds.size());
    Set<UserId> seen = new HashSet<>();
    for (int i = 0; i < participantIds.size(); i++) {
      if (!seen.add(participantIds.get(i))) {
        throw new ValidationFailure(
            "participantIds[" + i + "]", Reason.DUPLICATE_PARTICIPANT, "appears more than once");
      }
    }
    if (proposedSlots.isEmpty()) {
      throw new ValidationFailure("proposedSlots", Reason.MISSING_OPTIONS, "must propose a slot");
    }
    Limits.requireAtMostPerRequest(proposedSlots.size(), "proposedSlots");
    if (proposedVenues != null) {
      Limits.requireAtMostPerRequest(proposedVenues.size(), "proposedVenues");
    }
    if (initialState != null
        && initialState != NegotiationState.DRAFT
        && initialState != NegotiationState.ACTIVE) {
      throw new ValidationFailure("state", Reason.INVALID_ENUM, "must be draft or active");
    }
  }

  public List<VenueProposal> venues() {
    return proposedVenues == null ? List.of() : proposedVenues;
  }

  public AgentMode agentModeOrDefault() {
    return agentMode == null ? AgentMode.MANUAL : agentMode;
  }

  public NegotiationState initialStateOrDefault() {
    return initialState == null ? NegotiationState.ACTIVE : initialState;
  }

  public BlobVersion blobVersionOrDefault() {
    return blobVersion == null ? BlobVersion.DEFAULT : blobVersion;
  }

  /**
   * A SHA-256 over a canonical rendering of the request as sent: equal for the same JSON value
   * whatever its key order or whitespace, different as soon as any field differs.
   */
  public String fingerprint() {
    StringBuilder canonical = new StringBuilder(512);
    canonical.append(id).append('|').append(intentCategory).append('|');
    participantIds.forEach(p -> canonical.append(p.value().length()).append(':').append(p));
    canonical.append('|');
    for (SlotProposal s : proposedSlots) {
      canonical
          .append('[')
          .append(s.id())
          .append(',')
          .append(s.startsAt())
          .append(',')
          .append(s.endsAt())
          .append(',')
          .append(s.durationMinutes())
          .append(',')
          .append(s.timezone())
          .append(']');
    }
    canonical.append('|').append(proposedVenues == null ? "-" : "+");
    for (VenueProposal v : venues()) {
      canonical
          .append('[')
          .append(v.id())
          .append(',')
          .append(lengthPrefixed(v.name()))
          .append(',')
          .append(lengthPrefixed(v.providerId()))
          .append(',')
          .append(v.latitude())
          .append(',')
          .append(v.longitude())
          .append(']');
    }
    canonical
        .append('|')
        .append(agentMode)
        .append('|')
        .append(initialState)
        .append('|')
        .append(expiresAt)
        .append('|')
        .append(blobVersion == null ? "-" : blobVersion.value())
        .append('|')
        .append(encryptedPayload.value());
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(digest.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static String lengthPrefixed(String value) {
    return value == null ? "-" : value.length() + ":" + value;
  }
}
