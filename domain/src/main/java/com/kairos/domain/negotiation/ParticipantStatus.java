package com.kairos.domain.negotiation;

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
}
