package com.kairos.domain.event;

import com.kairos.domain.common.BlobVersion;
import com.kairos.domain.common.EncryptedBlob;
import com.kairos.domain.common.EventId;
import com.kairos.domain.common.IntentCategory;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.SlotId;
import com.kairos.domain.common.TimeRange;
import com.kairos.domain.common.TimeZoneId;
import com.kairos.domain.common.UserId;
import com.kairos.domain.common.ValidationFailure;
import com.kairos.domain.common.ValidationFailure.Reason;
import com.kairos.domain.common.VenueId;
import java.time.Instant;
import java.util.Objects;

/**
 * A calendar entry owned by one user: either confirmed by a finalized negotiation or created by
 * hand. Nullable components: {@code negotiationId}, {@code endsAt}, {@code slotId}, {@code
 * venueId}, {@code intentCategory}, {@code encryptedPayload}.
 */
public record Event(
    EventId id,
    UserId ownerId,
    NegotiationId negotiationId,
    EventSource source,
    EventStatus status,
    Instant startsAt,
    Instant endsAt,
    TimeZoneId timezone,
    SlotId slotId,
    VenueId venueId,
    IntentCategory intentCategory,
    EncryptedBlob encryptedPayload,
    BlobVersion blobVersion,
    Instant createdAt,
    Instant updatedAt) {

  public Event {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(startsAt, "startsAt");
    Objects.requireNonNull(timezone, "timezone");
    Objects.requireNonNull(blobVersion, "encryptedBlobVersion");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    TimeRange.requireEndAfterStart(startsAt, endsAt);
    if (source == EventSource.MANUAL && encryptedPayload == null) {
      throw new ValidationFailure("encryptedPayload", Reason.MISSING_FIELD, "is required");
    }
  }

  /** A hand-made event, as the client describes it. */
  public static Event manual(CreateEventCommand command, UserId owner, Instant now) {
    return new Event(
        command.id(),
        owner,
        null,
        EventSource.MANUAL,
        EventStatus.CONFIRMED,
        command.startsAt(),
        command.endsAt(),
        command.timezone(),
        null,
        null,
        command.intentCategory(),
        command.encryptedPayload(),
        command.blobVersion(),
        now,
        now);
  }

  /** This event called off at {@code now}; a cancelled event stays cancelled. */
  public Event cancel(Instant now) {
    if (status == EventStatus.CANCELLED) {
      return this;
    }
    return new Event(
        id,
        ownerId,
        negotiationId,
        source,
        EventStatus.CANCELLED,
        startsAt,
        endsAt,
        timezone,
        slotId,
        venueId,
        intentCategory,
        encryptedPayload,
        blobVersion,
        createdAt,
        now);
  }
}
