package com.kairos.domain.common;

import java.util.Objects;
import java.util.UUID;

/** Identifies a slot. */
public record SlotId(UUID value) implements Comparable<SlotId> {
  public SlotId {
    Objects.requireNonNull(value, "slot id");
  }

  public static SlotId parse(String raw, String field) {
    return new SlotId(Uuids.parse(raw, field));
  }

  @Override
  public int compareTo(SlotId other) {
    return Uuids.compareUnsigned(value, other.value);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
