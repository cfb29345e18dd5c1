package com.kairos.domain.common;

import java.util.Objects;
import java.util.UUID;

/** Identifies a negotiation. */
public record NegotiationId(UUID value) implements Comparable<NegotiationId> {
  public NegotiationId {
    Objects.requireNonNull(value, "negotiation id");
  }

  public static NegotiationId parse(String raw, String field) {
    return new NegotiationId(Uuids.parse(raw, field));
  }

  @Override
  public int compareTo(NegotiationId other) {
    return Uuids.compareUnsigned(value, other.value);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
