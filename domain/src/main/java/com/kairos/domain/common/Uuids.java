package com.kairos.domain.common;

import com.kairos.domain.common.ValidationFailure.Reason;
import java.util.UUID;

/** UUID helpers: parsing with a field-aware failure and the version-4 rule for client ids. */
public final class Uuids {
  private Uuids() {}

  /** Parses a canonical UUID string, failing as an invalid UUID on {@code field}. */
  public static UUID parse(String raw, String field) {
    if (raw == null || raw.length() != 36) {
      throw invalid(field);
    }
    try {
      UUID uuid = UUID.fromString(raw);
      if (!uuid.toString().equalsIgnoreCase(raw)) {
        throw invalid(field);
      }
      return uuid;
    } catch (IllegalArgumentException e) {
      throw invalid(field);
    }
  }

  /** Requires a random (version 4, IETF variant) UUID, as client-generated ids must be. */
  public static UUID requireV4(UUID uuid, String field) {
    if (uuid.version() != 4 || uuid.variant() != 2) {
      throw new ValidationFailure(field, Reason.INVALID_UUID, "must be a version 4 UUID");
    }
    return uuid;
  }

  /**
   * Orders UUIDs as their canonical strings order, i.e. as unsigned 128-bit numbers. {@link
   * UUID#compareTo} compares signed halves, which PostgreSQL's uuid ordering does not.
   */
  public static int compareUnsigned(UUID a, UUID b) {
    int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
    return high != 0
        ? high
        : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
  }

  private static ValidationFailure invalid(String field) {
    return new ValidationFailure(field, Reason.INVALID_UUID, "must be a UUID");
  }
}
