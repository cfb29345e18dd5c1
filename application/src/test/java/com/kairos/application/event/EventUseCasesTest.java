package com.kairos.application.event;

import static com.kairos.domain.testing.Fixtures.ALICE;
import static com.kairos.domain.testing.Fixtures.BOB;
import static com.kairos.domain.testing.Fixtures.blob;
import static com.kairos.domain.testing.Fixtures.inHours;
import static com.kairos.domain.testing.StartRequest.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kairos.application.cursor.InvalidCursor;
import com.kairos.application.paging.Page;
import com.kairos.application.paging.PageRequest;
import com.kairos.application.testing.UseCaseTest;
import com.kairos.domain.common.AccessDenied;
import com.kairos.domain.common.DuplicateId;
import com.kairos.domain.common.EventId;
import com.kairos.domain.common.NotFound;
import com.kairos.domain.event.CreateEventCommand;
import com.kairos.domain.event.Event;
import com.kairos.domain.event.EventStatus;
import com.kairos.domain.negotiation.Negotiation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventUseCasesTest extends UseCaseTest {

  private Event create(Instant startsAt) {
    Event e =
        uc.createEvent()
            .create(
                ALICE,
                new CreateEventCommand(
                    new EventId(UUID.randomUUID()), startsAt, null, null, null, blob("e"), null));
    backend.clock.advance(Duration.ofSeconds(1));
    return e;
  }

  @Test
  void aManualEventIsReadableByItsOwnerOnly() {
    Event e = create(inHours(5));
    assertThat(uc.getEvent().get(ALICE, e.id())).isEqualTo(e);
    assertThatThrownBy(() -> uc.getEvent().get(BOB, e.id())).isInstanceOf(AccessDenied.class);
    assertThatThrownBy(() -> uc.getEvent().get(ALICE, new EventId(UUID.randomUUID())))
        .isInstanceOf(NotFound.class);
  }

  @Test
  void aTakenEventIdIsADuplicate() {
    Event e = create(inHours(5));
    CreateEventCommand again =
        new CreateEventCommand(e.id(), inHours(6), null, null, null, blob("x"), null);
    assertThatThrownBy(() -> uc.createEvent().create(BOB, again)).isInstanceOf(DuplicateId.class);
    assertThat(uc.getEvent().get(ALICE, e.id()).startsAt()).isEqualTo(inHours(5));
  }

  @Test
  void listingPagesNewestChangeFirstAndFiltersByStatus() {
    List<Event> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      created.add(create(inHours(10 + i)));
    }
    Negotiation n = begin(ALICE, start().inviting(BOB));
    accept(BOB, n.id());
    uc.cancelNegotiation().cancel(ALICE, n.id(), null);

    Page<Event> first = uc.listEvents().list(ALICE, EventFilter.none(), new PageRequest(4, null));
    assertThat(first.items()).hasSize(4);
    assertThat(first.items().get(0).negotiationId()).isEqualTo(n.id());
    Page<Event> second =
        uc.listEvents().list(ALICE, EventFilter.none(), new PageRequest(4, first.nextCursor()));
    assertThat(second.items())
        .extracting(Event::id)
        .containsExactly(created.get(1).id(), created.get(0).id());
    assertThat(second.hasMore()).isFalse();

    Page<Event> cancelled =
        uc.listEvents()
            .list(ALICE, new EventFilter(EventStatus.CANCELLED, null), new PageRequest(20, null));
    assertThat(cancelled.items())
        .singleElement()
        .extracting(Event::negotiationId)
        .isEqualTo(n.id());
    assertThatThrownBy(
            () ->
                uc.listEvents()
                    .list(BOB, EventFilter.none(), new PageRequest(4, first.nextCursor())))
        .isInstanceOf(InvalidCursor.class);
  }

  @Test
  void upcomingListsConfirmedFutureEventsEarliestFirst() {
    Event late = create(inHours(30));
    Event soon = create(inHours(3));
    Event past = create(inHours(1));
    backend.clock.set(inHours(2));
    Negotiation n = begin(ALICE, start().inviting(BOB).slotAt(inHours(20)));
    accept(BOB, n.id());
    uc.cancelNegotiation().cancel(ALICE, n.id(), null);

    assertThat(uc.listUpcomingEvents().upcoming(ALICE, null, 20))
        .extracting(Event::id)
        .containsExactly(soon.id(), late.id());
    assertThat(uc.listUpcomingEvents().upcoming(ALICE, inHours(3), 20))
        .extracting(Event::id)
        .containsExactly(late.id());
    assertThat(uc.listUpcomingEvents().upcoming(ALICE, null, 1))
        .extracting(Event::id)
        .containsExactly(soon.id());
    assertThat(past.startsAt()).isBefore(backend.clock.instant());
  }
}
