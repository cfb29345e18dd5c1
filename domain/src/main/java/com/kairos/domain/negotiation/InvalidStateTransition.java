package com.kairos.domain.negotiation;

import com.kairos.domain.common.Names;

/** The action is not allowed in the current state. */
public final class InvalidStateTransition extends TransitionRefused {
  private static final long serialVersionUID = 1L;

  public InvalidStateTransition(NegotiationState currentState, NegotiationAction requestedAction) {
    super(
        currentState,
        requestedAction,
        "cannot "
            + Names.lowerCase(requestedAction)
            + " a "
            + Names.lowerCase(currentState)
            + " negotiation");
  }
}
