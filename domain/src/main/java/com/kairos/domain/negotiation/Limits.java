package com.kairos.domain.negotiation;

import java.time.Duration;

/** The numeric limits of domain.md, in one place. */
public final class Limits {
  public static final int MAX_PARTICIPANTS = 50;
  public static final int MAX_INVITEES = MAX_PARTICIPANTS - 1;
  public static final int MAX_OPTIONS_PER_REQUEST = 10;
  public static final int MAX_OPTIONS_PER_NEGOTIATION = 50;
  public static final Duration DEFAULT_EXPIRY = Duration.ofDays(7);
  public static final Duration MAX_EXPIRY = Duration.ofDays(90);
  public static final int MIN_DURATION_MINUTES = 5;
  public static final int MAX_DURATION_MINUTES = 1440;
  public static final int DEFAULT_DURATION_MINUTES = 60;
  public static final int MAX_VENUE_NAME = 200;
  public static final int MAX_PROVIDER_ID = 256;

  private Limits() {}
}
