package com.kairos.http.json;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Timestamps on the wire: RFC 3339 with any offset in, UTC with milliseconds and {@code Z} out. */
public final class JsonTime {
  private JsonTime() {}

  /**
   * Every timestamp the API writes: UTC, {@code Z}, exactly three fractional digits, so one
   * decoding strategy reads them all (2026-11-25T06:01:10.114Z).
   */
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  /** {@code instant} as the API writes it; null stays null. */
  public static String format(Instant instant) {
    return instant == null ? null : TIMESTAMP.format(instant);
  }
}
