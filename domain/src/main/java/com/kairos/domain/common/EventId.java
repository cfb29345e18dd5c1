package com.kairos.domain.common;

import java.util.Objects;
import java.util.UUID;

/** Identifies a event. */
public record EventId(UUID value) implements Comparable<EventId> {
  public EventId {
    Objects.requireNonNull(value, "event id");
  }

  public static EventId parse(String raw, String field) {
    return new EventId(Uuids.parse(raw, field));
  }

  @Override
  public int compareTo(EventId other) {
    return Uuids.compareUnsigned(value, other.value);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
