package com.kairos.http.event;

import com.kairos.domain.event.Event;

/**
 * The event resource for other features of the API (the account export): exactly what {@code GET
 * /events/{id}} writes as {@code data}, from the one mapping.
 */
public final class EventResources {
  private EventResources() {}

  /** {@code event} as the API writes it; serialize it with {@code Json.mapper()}. */
  public static Object of(Event event) {
    return EventJson.of(event);
  }
}
