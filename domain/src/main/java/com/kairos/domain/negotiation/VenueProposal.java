package com.kairos.domain.negotiation;

import com.kairos.domain.common.UserId;
import com.kairos.domain.common.Uuids;
import com.kairos.domain.common.ValidationFailure;
import com.kairos.domain.common.ValidationFailure.Reason;
import com.kairos.domain.common.VenueId;

/**
 * A venue as a client proposes it. All components are optional; latitude and longitude come
 * together or not at all.
 */
public record VenueProposal(
    VenueId id, String name, String providerId, Double latitude, Double longitude) {

  public VenueProposal {
    if (id != null) {
      Uuids.requireV4(id.value(), "id");
    }
    if (name != null && (name.isEmpty() || name.length() > Limits.MAX_VENUE_NAME)) {
      throw new ValidationFailure("name", Reason.INVALID_LENGTH, "must be 1-200 characters");
    }
    if (providerId != null
        && (providerId.isEmpty() || providerId.length() > Limits.MAX_PROVIDER_ID)) {
      throw new ValidationFailure("providerId", Reason.INVALID_LENGTH, "must be 1-256 characters");
    }
    if ((latitude == null) != (longitude == null)) {
      throw new ValidationFailure(
          latitude == null ? "latitude" : "longitude",
          Reason.INCOMPLETE_COORDINATES,
          "latitude and longitude come together");
    }
    if (latitude != null && !(latitude >= -90 && latitude <= 90)) {
      throw new ValidationFailure("latitude", Reason.OUT_OF_RANGE, "must be within [-90, 90]");
    }
    if (longitude != null && !(longitude >= -180 && longitude <= 180)) {
      throw new ValidationFailure("longitude", Reason.OUT_OF_RANGE, "must be within [-180, 180]");
    }
  }

  ProposedVenue toVenue(VenueId assignedId, UserId proposedBy, int round) {
    return new ProposedVenue(assignedId, name, providerId, latitude, longitude, proposedBy, round);
  }
}
