package com.kairos.domain.negotiation;

/** A participant's part in a negotiation. */
public enum ParticipantRole {
  ORGANIZER,
  INVITEE;
}
