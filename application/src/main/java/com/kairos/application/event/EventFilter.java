package com.kairos.application.event;

import com.kairos.domain.event.EventStatus;
import java.time.Instant;

/** The filters of the event list; both may be null. */
public record EventFilter(EventStatus status, Instant updatedAfter) {
  public static EventFilter none() {
    return new EventFilter(null, null);
  }

  String binding() {
    return "status="
        + (status == null ? "" : status.name())
        + "|updatedAfter="
        + (updatedAfter == null ? "" : updatedAfter.toString());
  }
}
