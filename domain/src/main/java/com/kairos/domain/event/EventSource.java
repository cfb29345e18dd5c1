package com.kairos.domain.event;

/** Where a calendar event came from. */
public enum EventSource {
  NEGOTIATION,
  MANUAL
}
