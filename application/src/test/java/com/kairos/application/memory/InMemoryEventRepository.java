package com.kairos.application.memory;

import com.kairos.application.port.EventQuery;
import com.kairos.application.port.EventRepository;
import com.kairos.application.port.Keyset;
import com.kairos.domain.common.ConcurrentModification;
import com.kairos.domain.common.EventId;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.UserId;
import com.kairos.domain.common.Uuids;
import com.kairos.domain.event.Event;
import com.kairos.domain.event.EventStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@link EventRepository} over an {@link InMemoryStore}, with the PostgreSQL semantics. */
public final class InMemoryEventRepository implements EventRepository {
  private static final Comparator<Event> NEWEST_FIRST =
      Comparator.comparing(Event::updatedAt)
          .thenComparing((a, b) -> Uuids.compareUnsigned(a.id().value(), b.id().value()))
          .reversed();
  private static final Comparator<Event> EARLIEST_FIRST =
      Comparator.comparing(Event::startsAt)
          .thenComparing((a, b) -> Uuids.compareUnsigned(a.id().value(), b.id().value()));

  private final InMemoryStore store;

  public InMemoryEventRepository(InMemoryStore store) {
    this.store = store;
  }

  @Override
  public Optional<Event> findById(EventId id) {
    store.requireTransaction();
    return Optional.ofNullable(store.events.get(id));
  }

  @Override
  public void insertAll(List<Event> events) {
    store.requireTransaction();
    for (Event e : events) {
      if (store.events.putIfAbsent(e.id(), e) != null) {
        throw new ConcurrentModification("event id already stored");
      }
    }
  }

  @Override
  public int cancelForNegotiation(NegotiationId negotiationId, Instant now) {
    store.requireTransaction();
    List<Event> confirmed =
        store.events.values().stream()
            .filter(e -> negotiationId.equals(e.negotiationId()))
            .filter(e -> e.status() == EventStatus.CONFIRMED)
            .toList();
    confirmed.forEach(e -> store.events.put(e.id(), e.cancel(now)));
    return confirmed.size();
  }

  @Override
  public List<Event> listFor(UserId owner, EventQuery query, int limit) {
    store.requireTransaction();
    return store.events.values().stream()
        .filter(e -> e.ownerId().equals(owner))
        .filter(e -> query.status() == null || e.status() == query.status())
        .filter(e -> query.updatedAfter() == null || e.updatedAt().isAfter(query.updatedAfter()))
        .filter(e -> query.after() == null || isAfter(e, query.after()))
        .sorted(NEWEST_FIRST)
        .limit(limit)
        .toList();
  }

  @Override
  public List<Event> upcoming(UserId owner, Instant after, int limit) {
    store.requireTransaction();
    return store.events.values().stream()
        .filter(e -> e.ownerId().equals(owner))
        .filter(e -> e.status() == EventStatus.CONFIRMED && e.startsAt().isAfter(after))
        .sorted(EARLIEST_FIRST)
        .limit(limit)
        .toList();
  }

  @Override
  public List<Event> ownedBy(UserId owner, EventId after, int limit) {
    store.requireTransaction();
    return store.events.values().stream()
        .filter(e -> e.ownerId().equals(owner))
        .filter(e -> after == null || Uuids.compareUnsigned(e.id().value(), after.value()) > 0)
        .sorted((a, b) -> Uuids.compareUnsigned(a.id().value(), b.id().value()))
        .limit(limit)
        .toList();
  }

  @Override
  public int deleteOwnedBy(UserId owner) {
    store.requireTransaction();
    List<EventId> owned =
        store.events.values().stream()
            .filter(e -> e.ownerId().equals(owner))
            .map(Event::id)
            .toList();
    owned.forEach(store.events::remove);
    return owned.size();
  }

  private static boolean isAfter(Event e, Keyset position) {
    int byTime = e.updatedAt().compareTo(position.updatedAt());
    return byTime < 0 || (byTime == 0 && Uuids.compareUnsigned(e.id().value(), position.id()) < 0);
  }
}
