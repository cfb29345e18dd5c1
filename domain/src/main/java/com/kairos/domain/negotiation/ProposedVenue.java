package com.kairos.domain.negotiation;

import com.kairos.domain.common.UserId;
import com.kairos.domain.common.VenueId;
import java.util.Objects;

/**
 * A place option. Every descriptive component may be null: the venue's details can live in the
 * encrypted payload and only the id is negotiated.
 */
public record ProposedVenue(
    VenueId id,
    String name,
    String providerId,
    Double latitude,
    Double longitude,
    UserId proposedBy,
    int round) {

  public ProposedVenue {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(proposedBy, "proposedBy");
    if (round < 0) {
      throw new IllegalArgumentException("round must not be negative");
    }
  }
}
