package com.kairos.domain.common;

import java.util.Objects;
import java.util.UUID;

/** Identifies a reply. */
public record ReplyId(UUID value) implements Comparable<ReplyId> {
  public ReplyId {
    Objects.requireNonNull(value, "reply id");
  }

  public static ReplyId parse(String raw, String field) {
    return new ReplyId(Uuids.parse(raw, field));
  }

  @Override
  public int compareTo(ReplyId other) {
    return Uuids.compareUnsigned(value, other.value);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
