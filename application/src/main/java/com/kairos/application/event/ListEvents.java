package com.kairos.application.event;

import com.kairos.application.cursor.CursorCodec;
import com.kairos.application.paging.Page;
import com.kairos.application.paging.PageRequest;
import com.kairos.application.port.EventQuery;
import com.kairos.application.port.EventRepository;
import com.kairos.application.port.Keyset;
import com.kairos.application.port.Transactions;
import com.kairos.domain.common.Timestamps;
import com.kairos.domain.common.UserId;
import com.kairos.domain.event.Event;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The caller's events, newest change first, with the same cursor contract as negotiations. */
public final class ListEvents {
  private final Transactions transactions;
  private final EventRepository events;
  private final CursorCodec cursors;
  private final Clock clock;

  public ListEvents(
      Transactions transactions, EventRepository events, CursorCodec cursors, Clock clock) {
    this.transactions = transactions;
    this.events = events;
    this.cursors = cursors;
    this.clock = clock;
  }

  public Page<Event> list(UserId caller, EventFilter filter, PageRequest page) {
    Instant now = Timestamps.now(clock);
    String binding = "events|" + caller + "|" + filter.binding();
    Keyset after = page.cursor() == null ? null : cursors.decode(page.cursor(), binding, now);
    EventQuery query = new EventQuery(filter.status(), filter.updatedAfter(), after);
    List<Event> rows =
        transactions.inTransaction(() -> events.listFor(caller, query, page.limit() + 1));
    return cursors.page(
        rows, page.limit(), e -> new Keyset(e.updatedAt(), e.id().value()), binding, now);
  }
}
