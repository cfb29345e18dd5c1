package com.kairos.application.event;

import com.kairos.application.paging.PageRequest;
import com.kairos.application.port.EventRepository;
import com.kairos.application.port.Transactions;
import com.kairos.domain.common.Timestamps;
import com.kairos.domain.common.UserId;
import com.kairos.domain.event.Event;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The caller's confirmed events starting after {@code after} (default now), earliest first. */
public final class ListUpcomingEvents {
  private final Transactions transactions;
  private final EventRepository events;
  private final Clock clock;

  public ListUpcomingEvents(Transactions transactions, EventRepository events, Clock clock) {
    this.transactions = transactions;
    this.events = events;
    this.clock = clock;
  }

  /** {@code after} may be null, meaning now. */
  public List<Event> upcoming(UserId caller, Instant after, int limit) {
    PageRequest.first(limit);
    Instant from = after != null ? after : Timestamps.now(clock);
    return transactions.inTransaction(() -> events.upcoming(caller, from, limit));
  }
}
