package com.kairos.domain.negotiation;

import com.kairos.domain.common.ValidationFailure;
import com.kairos.domain.common.ValidationFailure.Reason;
import java.time.Duration;

/**
 * The numeric limits of domain.md, in one place: the checks and their messages below are built from
 * these constants, and a test in the web adapter ties the request schemas' numbers to them.
 */
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

  /** Refuses more than {@link #MAX_PARTICIPANTS} people, the organizer included. */
  static void requireAtMostParticipants(int participants) {
    if (participants > MAX_PARTICIPANTS) {
      throw new ValidationFailure(
          "participantIds",
          Reason.TOO_MANY_PARTICIPANTS,
          "at most " + MAX_PARTICIPANTS + " participants, the organizer included");
    }
  }

  /** Refuses more than {@link #MAX_OPTIONS_PER_REQUEST} options proposed under {@code field}. */
  static void requireAtMostPerRequest(int proposed, String field) {
    if (proposed > MAX_OPTIONS_PER_REQUEST) {
      throw new ValidationFailure(
          field, Reason.TOO_MANY_OPTIONS, "at most " + MAX_OPTIONS_PER_REQUEST + " per request");
    }
  }

  /**
   * Refuses a negotiation that would hold more than {@link #MAX_OPTIONS_PER_NEGOTIATION} options of
   * one kind ({@code what}: slots or venues) once {@code field}'s are added.
   */
  static void requireAtMostPerNegotiation(int total, String field, String what) {
    if (total > MAX_OPTIONS_PER_NEGOTIATION) {
      throw new ValidationFailure(
          field,
          Reason.TOO_MANY_OPTIONS,
          "at most " + MAX_OPTIONS_PER_NEGOTIATION + " " + what + " per negotiation");
    }
  }
}
