package com.kairos.domain.negotiation;

import com.kairos.domain.common.IdGenerator;
import com.kairos.domain.common.UserId;
import com.kairos.domain.common.ValidationFailure;
import com.kairos.domain.common.ValidationFailure.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * The creation rules of a negotiation: at least one invitee and at most {@link
 * Limits#MAX_INVITEES}, options in the future with unused ids, an expiry within {@link
 * Limits#MAX_EXPIRY}. The organizer starts out accepting every initial option.
 */
final class NegotiationStart {
  private NegotiationStart() {}

  static NegotiationSnapshot snapshot(
      StartCommand command, UserId owner, Instant now, IdGenerator ids) {
    Instant expiresAt = resolveExpiry(command.expiresAt(), now);
    List<UserId> invitees =
        command.participantIds().stream().filter(p -> !p.equals(owner)).toList();
    if (invitees.isEmpty()) {
      throw new ValidationFailure("participantIds", Reason.NO_INVITEES, "must name an invitee");
    }
    Limits.requireAtMostParticipants(invitees.size() + 1);
    List<ProposedSlot> slots =
        Proposals.slots(
            command.proposedSlots(), "proposedSlots", new HashSet<>(), owner, 0, now, ids);
    List<ProposedVenue> venues =
        Proposals.venues(command.venues(), "proposedVenues", new HashSet<>(), owner, 0, ids);
    List<Participant> participants = new ArrayList<>();
    participants.add(
        new Participant(
            owner,
            ParticipantRole.ORGANIZER,
            ParticipantStatus.ACCEPTED,
            Proposals.slotIds(slots),
            Proposals.venueIds(venues),
            now,
            null));
    invitees.forEach(u -> participants.add(Participant.invitee(u)));
    return new NegotiationSnapshot(
        command.id(),
        owner,
        command.intentCategory(),
        command.agentModeOrDefault(),
        Lifecycle.started(command.initialStateOrDefault(), expiresAt, now),
        Revision.first(owner, now),
        new Roster(participants),
        new Options(slots, venues, 0),
        new Payloads(command.encryptedPayload(), null, command.blobVersionOrDefault()),
        command.fingerprint());
  }

  private static Instant resolveExpiry(Instant requested, Instant now) {
    if (requested == null) {
      return now.plus(Limits.DEFAULT_EXPIRY);
    }
    if (!requested.isAfter(now)) {
      throw new ValidationFailure("expiresAt", Reason.EXPIRES_IN_PAST, "must be in the future");
    }
    if (requested.isAfter(now.plus(Limits.MAX_EXPIRY))) {
      throw new ValidationFailure(
          "expiresAt",
          Reason.EXPIRES_TOO_FAR,
          "must be at most " + Limits.MAX_EXPIRY.toDays() + " days ahead");
    }
    return requested;
  }
}
