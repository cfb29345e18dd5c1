package com.kairos.domain.common;

import com.kairos.domain.common.ValidationFailure.Reason;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

/** An IANA time-zone id such as {@code Europe/Paris}, or {@code UTC}. */
public record TimeZoneId(String value) {
  public static final TimeZoneId UTC = new TimeZoneId("UTC");
  private static final Set<String> KNOWN = ZoneId.getAvailableZoneIds();

  public TimeZoneId {
    Objects.requireNonNull(value, "timezone");
    if (!"UTC".equals(value) && !KNOWN.contains(value)) {
      throw new ValidationFailure(
          "timezone", Reason.INVALID_TIMEZONE, "must be an IANA time zone id");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
