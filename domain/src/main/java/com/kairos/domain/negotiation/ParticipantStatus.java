package com.kairos.domain.negotiation;

import java.util.Locale;

/** Where a participant stands in the negotiation. */
public enum ParticipantStatus {
  PENDING,
  ACCEPTED,
  DECLINED,
  COUNTERED;

  /** Accepted and countered participants both agree to their own sets. */
  public boolean agrees() {
    return this == ACCEPTED || this == COUNTERED;
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
