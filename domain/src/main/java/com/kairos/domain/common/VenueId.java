package com.kairos.domain.common;

import java.util.Objects;
import java.util.UUID;

/** Identifies a venue. */
public record VenueId(UUID value) implements Comparable<VenueId> {
  public VenueId {
    Objects.requireNonNull(value, "venue id");
  }

  public static VenueId parse(String raw, String field) {
    return new VenueId(Uuids.parse(raw, field));
  }

  @Override
  public int compareTo(VenueId other) {
    return Uuids.compareUnsigned(value, other.value);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
