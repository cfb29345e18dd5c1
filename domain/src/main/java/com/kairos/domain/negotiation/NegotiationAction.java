package com.kairos.domain.negotiation;

/** What changed a negotiation last; also the action a refusal names. */
public enum NegotiationAction {
  START,
  SEND,
  ACCEPT,
  DECLINE,
  COUNTER,
  CANCEL,
  EXPIRE,
  /** A participant's account was deleted: they left (or, as owner, their blobs went). */
  LEAVE;
}
