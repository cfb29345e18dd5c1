package com.kairos.domain.negotiation;

/** The organizer tried to decline; they cancel instead. */
public final class OrganizerCannotDecline extends TransitionRefused {
  private static final long serialVersionUID = 1L;

  public OrganizerCannotDecline(NegotiationState currentState) {
    super(
        currentState,
        NegotiationAction.DECLINE,
        "the organizer cannot decline; cancel the negotiation instead");
  }
}
