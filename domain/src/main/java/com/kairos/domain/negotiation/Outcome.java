package com.kairos.domain.negotiation;

import com.kairos.domain.common.SlotId;
import com.kairos.domain.common.VenueId;
import java.util.Objects;

/** What a finalized negotiation settled on; {@code venueId} is null when no venue was proposed. */
public record Outcome(SlotId slotId, VenueId venueId) {
  public Outcome {
    Objects.requireNonNull(slotId, "slotId");
  }
}
