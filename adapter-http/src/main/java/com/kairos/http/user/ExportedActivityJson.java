package com.kairos.http.user;

import com.kairos.domain.common.SlotId;
import com.kairos.domain.common.VenueId;
import com.kairos.domain.negotiation.Activity;
import com.kairos.http.json.JsonTime;
import com.kairos.http.json.WireNames;
import java.util.List;

/** A history line in the account export: the activity entry with its negotiation. No blob. */
record ExportedActivityJson(
    String negotiationId,
    long version,
    String at,
    String actorId,
    String action,
    String fromState,
    String toState,
    String agentMode,
    List<String> addedSlotIds,
    List<String> addedVenueIds) {

  static ExportedActivityJson of(Activity a) {
    return new ExportedActivityJson(
        a.negotiationId().toString(),
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
