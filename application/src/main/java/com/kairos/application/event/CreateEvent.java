package com.kairos.application.event;

import com.kairos.application.port.EventRepository;
import com.kairos.application.port.Transactions;
import com.kairos.domain.common.DuplicateId;
import com.kairos.domain.common.ResourceType;
import com.kairos.domain.common.Timestamps;
import com.kairos.domain.common.UserId;
import com.kairos.domain.event.CreateEventCommand;
import com.kairos.domain.event.Event;
import java.time.Clock;
import java.util.List;

/**
 * Creates a manual event with a client-generated id; a taken id is refused ({@link
 * com.kairos.domain.common.DuplicateId}).
 */
public final class CreateEvent {
  private final Transactions transactions;
  private final EventRepository events;
  private final Clock clock;

  public CreateEvent(Transactions transactions, EventRepository events, Clock clock) {
    this.transactions = transactions;
    this.events = events;
    this.clock = clock;
  }

  public Event create(UserId owner, CreateEventCommand command) {
    return transactions.inTransaction(
        () -> {
          if (events.findById(command.id()).isPresent()) {
            throw new DuplicateId(ResourceType.EVENT, command.id().toString());
          }
          Event event = Event.manual(command, owner, Timestamps.now(clock));
          events.insertAll(List.of(event));
          return event;
        });
  }
}
