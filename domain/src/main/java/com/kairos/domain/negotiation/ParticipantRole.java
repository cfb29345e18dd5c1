package com.kairos.domain.negotiation;

import java.util.Locale;

/** A participant's part in a negotiation. */
public enum ParticipantRole {
  ORGANIZER,
  INVITEE;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
