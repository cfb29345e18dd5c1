package com.kairos.domain.common;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The one way to read "now": UTC, truncated to microseconds, the precision PostgreSQL keeps, so
 * that a value read back equals the value written and keyset cursors stay exact.
 */
public final class Timestamps {
  private Timestamps() {}

  public static Instant now(Clock clock) {
    return truncate(clock.instant());
  }

  public static Instant truncate(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }
}
