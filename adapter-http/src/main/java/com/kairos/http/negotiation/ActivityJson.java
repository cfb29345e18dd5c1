package com.kairos.http.negotiation;

import com.kairos.domain.common.SlotId;
import com.kairos.domain.common.VenueId;
import com.kairos.domain.negotiation.Activity;
import com.kairos.http.json.JsonTime;
import com.kairos.http.json.WireNames;
import java.util.List;

/**
 * One line of a negotiation's history as {@code GET /negotiations/{id}/activity} answers it (the
 * {@code ActivityEntry} schema): who did what, when, from which state to which, and which options
 * it introduced. There is no blob in a history line, and none is ever added here.
 */
public record ActivityJson(
    long version,
    String at,
    String actorId,
    String action,
    String fromState,
    String toState,
    String agentMode,
    List<String> addedSlotIds,
    List<String> addedVenueIds) {

  public static ActivityJson of(Activity a) {
    return new ActivityJson(
        a.version(),
        JsonTime.format(a.at()),
        a.actorId() == null ? null : a.actorId().value(),
        WireNames.of(a.action()),
        WireNames.of(a.fromState()),
        WireNames.of(a.toState()),
        WireNames.of(a.agentMode()),
        a.addedSlotIds().stream().map(SlotId::toString).toList(),
        a.addedVenueIds().stream().map(VenueId::toString).toList());
  }
}
