package com.kairos.domain.negotiation;

/** What changed a negotiation last; also the action a refusal names. */
public enum NegotiationAction {
  START,
  SEND,
  ACCEPT,
  DECLINE,
  COUNTER,
  CANCEL,
  EXPIRE;
}
