package com.kairos.application.contract;

import static com.kairos.domain.testing.Fixtures.ALICE;
import static com.kairos.domain.testing.Fixtures.BOB;
import static com.kairos.domain.testing.Fixtures.NOW;
import static com.kairos.domain.testing.Fixtures.blob;
import static com.kairos.domain.testing.Fixtures.inHours;
import static com.kairos.domain.testing.StartRequest.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kairos.application.port.EventQuery;
import com.kairos.application.port.Keyset;
import com.kairos.domain.common.ConcurrentModification;
import com.kairos.domain.common.EventId;
import com.kairos.domain.common.IntentCategory;
import com.kairos.domain.common.TimeZoneId;
import com.kairos.domain.common.UserId;
import com.kairos.domain.event.CreateEventCommand;
import com.kairos.domain.event.Event;
import com.kairos.domain.event.EventStatus;
import com.kairos.domain.negotiation.Negotiation;
import com.kairos.domain.negotiation.Reply;
import com.kairos.domain.negotiation.ReplyCommand;
import com.kairos.domain.negotiation.Transition;
import com.kairos.domain.negotiation.TransitionResult;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link com.kairos.application.port.EventRepository} must do. */
public abstract class EventRepositoryContract extends ContractTest {

  private Event manual(UserId owner, Instant startsAt, Instant at) {
    Event e =
        Event.manual(
            new CreateEventCommand(
                new EventId(UUID.randomUUID()),
                startsAt,
                startsAt.plusSeconds(3600),
                new TimeZoneId("Asia/Tokyo"),
                IntentCategory.GYM,
                blob("manual"),
                null),
            owner,
            at);
    run(() -> ports.events().insertAll(List.of(e)));
    return e;
  }

  /** A finalized negotiation's events (one per participant), stored with the negotiation. */
  private List<Event> finalized() {
    Transition started = Negotiation.start(start().inviting(BOB).build(), ALICE, NOW, ids);
    Negotiation n = started.negotiation();
    Transition done =
        n.reply(
            BOB,
            new ReplyCommand(n.id(), new Reply.Accept(null, null), null, null, null, null),
            NOW.plusSeconds(1),
            ids);
    List<Event> events = ((TransitionResult.Finalized) done.result()).events();
    run(
        () -> {
          ports.negotiations().insert(n, started.activity());
          ports.negotiations().update(done.negotiation(), done.activity());
          ports.events().insertAll(events);
        });
    return events;
  }

  private List<Event> list(UserId owner, EventQuery q, int limit) {
    return tx(() -> ports.events().listFor(owner, q, limit));
  }

  @Test
  void storedEventsReadBackEqual() {
    Event e = manual(ALICE, inHours(5), NOW);
    assertThat(tx(() -> ports.events().findById(e.id()))).contains(e);
    for (Event fromNegotiation : finalized()) {
      assertThat(tx(() -> ports.events().findById(fromNegotiation.id()))).contains(fromNegotiation);
    }
    assertThat(tx(() -> ports.events().findById(new EventId(UUID.randomUUID())))).isEmpty();
  }

  @Test
  void aTakenIdIsALostRaceAndStoresNothing() {
    Event e = manual(ALICE, inHours(5), NOW);
    Event fresh =
        Event.manual(
            new CreateEventCommand(
                new EventId(UUID.randomUUID()), inHours(6), null, null, null, blob("x"), null),
            ALICE,
            NOW);
    Event clash =
        Event.manual(
            new CreateEventCommand(e.id(), inHours(7), null, null, null, blob("y"), null),
            BOB,
            NOW);
    assertThatThrownBy(() -> run(() -> ports.events().insertAll(List.of(fresh, clash))))
        .isInstanceOf(ConcurrentModification.class);
    assertThat(tx(() -> ports.events().findById(fresh.id()))).isEmpty();
    assertThat(tx(() -> ports.events().findById(e.id()))).contains(e);
  }

  @Test
  void cancellingANegotiationsEventsTouchesOnlyItsConfirmedOnes() {
    List<Event> events = finalized();
    Event unrelated = manual(ALICE, inHours(5), NOW);
    Instant at = inHours(1);
    assertThat(tx(() -> ports.events().cancelForNegotiation(events.get(0).negotiationId(), at)))
        .isEqualTo(2);
    assertThat(tx(() -> ports.events().cancelForNegotiation(events.get(0).negotiationId(), at)))
        .isZero();
    for (Event e : events) {
      assertThat(tx(() -> ports.events().findById(e.id()))).contains(e.cancel(at));
    }
    assertThat(tx(() -> ports.events().findById(unrelated.id()))).contains(unrelated);
  }

  @Test
  void theFeedIsNewestFirstKeysetPagedAndFiltered() {
    Event a = manual(ALICE, inHours(5), NOW);
    Event b = manual(ALICE, inHours(6), NOW.plusSeconds(1));
    Event c = manual(ALICE, inHours(7), NOW.plusSeconds(2));
    manual(BOB, inHours(8), NOW.plusSeconds(3));
    EventQuery all = new EventQuery(null, null, null);
    assertThat(list(ALICE, all, 10)).containsExactly(c, b, a);
    assertThat(list(ALICE, all.after(new Keyset(c.updatedAt(), c.id().value())), 10))
        .containsExactly(b, a);
    assertThat(list(ALICE, all, 2)).containsExactly(c, b);
    assertThat(list(ALICE, new EventQuery(null, a.updatedAt(), null), 10)).containsExactly(c, b);
    run(() -> ports.events().insertAll(List.of()));
    Event cancelled = b.cancel(NOW.plusSeconds(9));
    assertThat(list(ALICE, new EventQuery(EventStatus.CANCELLED, null, null), 10)).isEmpty();
    assertThat(cancelled.status()).isEqualTo(EventStatus.CANCELLED);
  }

  @Test
  void upcomingIsConfirmedFutureEventsEarliestFirst() {
    Event later = manual(ALICE, inHours(30), NOW);
    Event soon = manual(ALICE, inHours(3), NOW);
    Event started = manual(ALICE, inHours(1), NOW);
    List<Event> negotiated = finalized(); // one day ahead, then cancelled
    tx(() -> ports.events().cancelForNegotiation(negotiated.get(0).negotiationId(), NOW));
    assertThat(tx(() -> ports.events().upcoming(ALICE, inHours(2), 10)))
        .containsExactly(soon, later);
    assertThat(tx(() -> ports.events().upcoming(ALICE, inHours(3), 10))).containsExactly(later);
    assertThat(tx(() -> ports.events().upcoming(ALICE, NOW, 1))).containsExactly(started);
    assertThat(tx(() -> ports.events().upcoming(BOB, NOW, 10))).isEmpty();
  }
}
