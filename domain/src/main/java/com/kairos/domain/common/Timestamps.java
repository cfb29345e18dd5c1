package com.kairos.domain.common;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The one way to read "now": UTC, truncated to milliseconds, the precision the API writes, so that
 * a value read back equals the value written, keyset cursors stay exact, and a timestamp a client
 * received (e.g. an update time passed back as a filter) is exactly the stored one.
 */
public final class Timestamps {
  private Timestamps() {}

  public static Instant now(Clock clock) {
    return truncate(clock.instant());
  }

  public static Instant truncate(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MILLIS);
  }
}
