package com.kairos.domain.negotiation;

import java.util.Locale;

/** Why a negotiation was cancelled. */
public enum CancelReason {
  OWNER_CANCELLED,
  EXPIRED,
  ALL_DECLINED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
