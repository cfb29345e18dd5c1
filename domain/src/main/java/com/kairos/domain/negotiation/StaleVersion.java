package com.kairos.domain.negotiation;

/** The version the client expected is not the current one; nothing was changed. */
public final class StaleVersion extends TransitionRefused {
  private static final long serialVersionUID = 1L;
  private final long currentVersion;

  public StaleVersion(
      NegotiationState currentState, NegotiationAction requestedAction, long currentVersion) {
    super(currentState, requestedAction, "the negotiation has changed since that version");
    this.currentVersion = currentVersion;
  }

  public long currentVersion() {
    return currentVersion;
  }
}
