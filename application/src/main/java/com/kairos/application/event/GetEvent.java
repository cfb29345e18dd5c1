package com.kairos.application.event;

import com.kairos.application.port.EventRepository;
import com.kairos.application.port.Transactions;
import com.kairos.domain.common.AccessDenied;
import com.kairos.domain.common.EventId;
import com.kairos.domain.common.NotFound;
import com.kairos.domain.common.ResourceType;
import com.kairos.domain.common.UserId;
import com.kairos.domain.event.Event;

/** Reads one event; only its owner may (an unknown one is not found, someone else's denied). */
public final class GetEvent {
  private final Transactions transactions;
  private final EventRepository events;

  public GetEvent(Transactions transactions, EventRepository events) {
    this.transactions = transactions;
    this.events = events;
  }

  public Event get(UserId caller, EventId id) {
    Event event =
        transactions.inTransaction(
            () ->
                events
                    .findById(id)
                    .orElseThrow(() -> new NotFound(ResourceType.EVENT, id.toString())));
    if (!event.ownerId().equals(caller)) {
      throw new AccessDenied(ResourceType.EVENT, id.toString());
    }
    return event;
  }
}
