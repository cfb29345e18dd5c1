package com.kairos.domain.negotiation;

/** The lifecycle state of a negotiation. */
public enum NegotiationState {
  DRAFT,
  ACTIVE,
  FINALIZED,
  CANCELLED;

  /** Draft and active negotiations can still change; the others cannot be reopened. */
  public boolean isOpen() {
    return this == DRAFT || this == ACTIVE;
  }
}
