package com.kairos.domain.negotiation;

/** The action is not allowed in the current state (reason {@code invalid_state_transition}). */
public final class InvalidStateTransition extends TransitionRefused {
  private static final long serialVersionUID = 1L;

  public InvalidStateTransition(NegotiationState currentState, NegotiationAction requestedAction) {
    super(
        currentState,
        requestedAction,
        "cannot " + requestedAction.wire() + " a " + currentState.wire() + " negotiation");
  }

  @Override
  <R> R accept(RefusalVisitor<R> visitor) {
    return visitor.invalidStateTransition(this);
  }
}
