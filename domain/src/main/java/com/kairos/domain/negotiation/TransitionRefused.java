package com.kairos.domain.negotiation;

import com.kairos.domain.common.DomainException;
import java.util.Objects;

/**
 * A write the state machine refuses (a conflict with the negotiation's state). Every refusal names
 * the state the negotiation is in and the action that was asked for.
 */
public abstract sealed class TransitionRefused extends DomainException
    permits InvalidStateTransition, NegotiationExpired, OrganizerCannotDecline, StaleVersion {
  private static final long serialVersionUID = 1L;
  private final NegotiationState currentState;
  private final NegotiationAction requestedAction;

  TransitionRefused(
      NegotiationState currentState, NegotiationAction requestedAction, String message) {
    super(message);
    this.currentState = Objects.requireNonNull(currentState);
    this.requestedAction = Objects.requireNonNull(requestedAction);
  }

  public NegotiationState currentState() {
    return currentState;
  }

  public NegotiationAction requestedAction() {
    return requestedAction;
  }
}
