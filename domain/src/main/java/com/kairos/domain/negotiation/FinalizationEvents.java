package com.kairos.domain.negotiation;

import com.kairos.domain.common.EventId;
import com.kairos.domain.common.IdGenerator;
import com.kairos.domain.event.Event;
import com.kairos.domain.event.EventSource;
import com.kairos.domain.event.EventStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The event factory of finalization: one confirmed calendar event per participant still in the
 * negotiation, at the agreed slot and venue, carrying the negotiation's payload.
 */
final class FinalizationEvents {
  private FinalizationEvents() {}

  static List<Event> of(
      NegotiationSnapshot finalized, Outcome outcome, Instant now, IdGenerator ids) {
    ProposedSlot slot = finalized.options().slot(outcome.slotId()).orElseThrow();
    Payloads payloads = finalized.payloads();
    List<Event> events = new ArrayList<>();
    for (Participant p : finalized.roster().members()) {
      if (p.status() != ParticipantStatus.DECLINED) {
        events.add(
            new Event(
                new EventId(ids.newId()),
                p.userId(),
                finalized.id(),
                EventSource.NEGOTIATION,
                EventStatus.CONFIRMED,
                slot.startsAt(),
                slot.endsAt(),
                slot.timezone(),
                slot.id(),
                outcome.venueId(),
                finalized.intentCategory(),
                payloads.encrypted(),
                payloads.blobVersion(),
                now,
                now));
      }
    }
    return events;
  }
}
