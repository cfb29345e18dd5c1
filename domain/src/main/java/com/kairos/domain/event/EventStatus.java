package com.kairos.domain.event;

/** Whether an event still stands. */
public enum EventStatus {
  CONFIRMED,
  CANCELLED
}
