package com.kairos.http.event;

import com.kairos.domain.event.Event;
import com.kairos.http.json.JsonTime;
import com.kairos.http.json.WireNames;

/** The response shape of a calendar event, mapped explicitly from the domain. */
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
        WireNames.of(e.source()),
        WireNames.of(e.status()),
        JsonTime.format(e.startsAt()),
        JsonTime.format(e.endsAt()),
        e.timezone().value(),
        e.slotId() == null ? null : e.slotId().toString(),
        e.venueId() == null ? null : e.venueId().toString(),
        e.intentCategory() == null ? null : WireNames.of(e.intentCategory()),
        e.encryptedPayload() == null ? null : e.encryptedPayload().value(),
        e.blobVersion().value(),
        JsonTime.format(e.createdAt()),
        JsonTime.format(e.updatedAt()));
  }
}
