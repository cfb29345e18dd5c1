package com.kairos.application.port;

import com.kairos.domain.event.EventStatus;
import java.time.Instant;

/** Filters of a user's event list; every component may be null. */
public record EventQuery(EventStatus status, Instant updatedAfter, Keyset after) {
  public EventQuery after(Keyset position) {
    return new EventQuery(status, updatedAfter, position);
  }
}
