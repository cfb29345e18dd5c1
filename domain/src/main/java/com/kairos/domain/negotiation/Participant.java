package com.kairos.domain.negotiation;

import com.kairos.domain.common.EncryptedBlob;
import com.kairos.domain.common.SlotId;
import com.kairos.domain.common.UserId;
import com.kairos.domain.common.VenueId;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * One member of a negotiation and their current answer. {@code respondedAt} and {@code
 * encryptedPayload} (the blob of their latest reply) may be null.
 */
public record Participant(
    UserId userId,
    ParticipantRole role,
    ParticipantStatus status,
    Set<SlotId> acceptedSlotIds,
    Set<VenueId> acceptedVenueIds,
    Instant respondedAt,
    EncryptedBlob encryptedPayload) {

  public Participant {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(status, "status");
    acceptedSlotIds = frozen(acceptedSlotIds);
    acceptedVenueIds = frozen(acceptedVenueIds);
    if (role == ParticipantRole.ORGANIZER && status == ParticipantStatus.DECLINED) {
      throw new IllegalArgumentException("the organizer cannot be declined");
    }
  }

  static Participant invitee(UserId userId) {
    return new Participant(
        userId, ParticipantRole.INVITEE, ParticipantStatus.PENDING, Set.of(), Set.of(), null, null);
  }

  Participant answer(
      ParticipantStatus newStatus,
      Set<SlotId> slots,
      Set<VenueId> venues,
      Instant at,
      EncryptedBlob payload) {
    return new Participant(
        userId, role, newStatus, slots, venues, at, payload == null ? encryptedPayload : payload);
  }

  /** Back to pending with empty sets, as a counter-proposal by someone else requires. */
  Participant reset() {
    return new Participant(
        userId, role, ParticipantStatus.PENDING, Set.of(), Set.of(), respondedAt, encryptedPayload);
  }

  /** Declined with empty sets and no blob: how a deleted account leaves an active negotiation. */
  Participant left(Instant at) {
    return new Participant(userId, role, ParticipantStatus.DECLINED, Set.of(), Set.of(), at, null);
  }

  /** The same answer without its blob: what stays of a deleted account's participation. */
  Participant withoutPayload() {
    return new Participant(
        userId, role, status, acceptedSlotIds, acceptedVenueIds, respondedAt, null);
  }

  private static <T> Set<T> frozen(Set<T> items) {
    // Insertion order is kept so that responses list ids as the client gave them.
    return items == null || items.isEmpty()
        ? Set.of()
        : java.util.Collections.unmodifiableSet(new LinkedHashSet<>(items));
  }
}
