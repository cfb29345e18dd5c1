package com.kairos.domain.negotiation;

import java.util.Locale;

/** What changed a negotiation last; also the action a refusal names. */
public enum NegotiationAction {
  START,
  SEND,
  ACCEPT,
  DECLINE,
  COUNTER,
  CANCEL,
  EXPIRE;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
