package com.kairos.application.account;

import static com.kairos.domain.testing.Fixtures.ALICE;
import static com.kairos.domain.testing.Fixtures.BOB;
import static com.kairos.domain.testing.Fixtures.CAROL;
import static com.kairos.domain.testing.Fixtures.NOW;
import static com.kairos.domain.testing.Fixtures.blob;
import static com.kairos.domain.testing.Fixtures.inHours;
import static com.kairos.domain.testing.StartRequest.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.kairos.application.port.Transactions;
import com.kairos.application.port.VerifiedIdentity;
import com.kairos.application.testing.UseCaseTest;
import com.kairos.domain.common.EventId;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.UserId;
import com.kairos.domain.common.Uuids;
import com.kairos.domain.device.Device;
import com.kairos.domain.event.CreateEventCommand;
import com.kairos.domain.event.Event;
import com.kairos.domain.negotiation.Activity;
import com.kairos.domain.negotiation.CancelReason;
import com.kairos.domain.negotiation.Negotiation;
import com.kairos.domain.negotiation.NegotiationState;
import com.kairos.domain.user.UserProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The export walks every page of every section, one short read per page, in the sink's order. */
class ExportAccountTest extends UseCaseTest {
  private static final int PAGE = 2;
  private final AtomicInteger reads = new AtomicInteger();
  private final AtomicBoolean inRead = new AtomicBoolean();

  /** Counts the reads and remembers whether one is running (the sink must never be inside one). */
  private final Transactions counting =
      new Transactions() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
          reads.incrementAndGet();
          inRead.set(true);
          try {
            return backend.transactions.inTransaction(work);
          } finally {
            inRead.set(false);
          }
        }
      };

  private final ExportAccount export =
      new ExportAccount(
          counting,
          backend.negotiations,
          backend.negotiations,
          backend.events,
          backend.devices,
          uc.getProfile(),
          backend.clock,
          PAGE);

  /** What the sink received, in order. */
  private final class Recorder implements ExportAccount.Sink {
    final List<String> calls = new ArrayList<>();
    Instant exportedAt;
    UserProfile profile;
    List<Device> devices;
    final List<Negotiation> negotiations = new ArrayList<>();
    final List<Event> events = new ArrayList<>();
    final List<Activity> activity = new ArrayList<>();

    private void call(String name) {
      assertThat(inRead).as("the sink runs outside any read").isFalse();
      calls.add(name);
    }

    @Override
    public void begin(Instant at, UserProfile p, List<Device> d) {
      call("begin");
      exportedAt = at;
      profile = p;
      devices = d;
    }

    @Override
    public void startNegotiations() {
      call("negotiations");
    }

    @Override
    public void negotiation(Negotiation n) {
      call("n");
      negotiations.add(n);
    }

    @Override
    public void startEvents() {
      call("events");
    }

    @Override
    public void event(Event e) {
      call("e");
      events.add(e);
    }

    @Override
    public void startActivity() {
      call("activity");
    }

    @Override
    public void activity(Activity line) {
      call("a");
      activity.add(line);
    }

    @Override
    public void end() {
      call("end");
    }
  }

  private Event manualEvent(UserId owner) {
    return uc.createEvent()
        .create(
            owner,
            new CreateEventCommand(
                new EventId(UUID.randomUUID()), inHours(5), null, null, null, blob("e"), null));
  }

  @Test
  void everySectionIsWalkedPageByPageWithOnlyTheCallersData() {
    List<NegotiationId> visible = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      visible.add(begin(ALICE, start().inviting(BOB)).id());
    }
    Negotiation bobs = begin(BOB, start().inviting(ALICE, CAROL));
    accept(ALICE, bobs.id());
    visible.add(bobs.id());
    begin(BOB, start().inviting(ALICE).draft()); // Bob's draft: not Alice's to see
    begin(BOB, start().inviting(CAROL)); // Alice takes no part
    Negotiation expiring = begin(ALICE, start().inviting(CAROL).expiresAt(inHours(1)));
    visible.add(expiring.id());
    List<EventId> events = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      events.add(manualEvent(ALICE).id());
    }
    manualEvent(BOB);
    backend.clock.advance(Duration.ofHours(2)); // `expiring` is past its expiry, not yet swept

    Recorder sink = new Recorder();
    reads.set(0);
    export.export(new VerifiedIdentity(ALICE, "Alice"), "fr-FR", sink);

    assertThat(sink.exportedAt).isEqualTo(NOW.plus(Duration.ofHours(2)));
    assertThat(sink.profile.userId()).isEqualTo(ALICE);
    assertThat(sink.devices).isEmpty();
    assertThat(sink.negotiations)
        .extracting(Negotiation::id)
        .containsExactlyElementsOf(sortedUnsigned(visible, NegotiationId::value));
    assertThat(sink.negotiations)
        .filteredOn(n -> n.id().equals(expiring.id()))
        .extracting(Negotiation::state, n -> n.cancelReason().orElse(null))
        .containsExactly(tuple(NegotiationState.CANCELLED, CancelReason.EXPIRED));
    assertThat(sink.events)
        .extracting(Event::id)
        .containsExactlyElementsOf(sortedUnsigned(events, EventId::value));
    // Alice started five, accepted one of Bob's; nothing else is hers.
    assertThat(sink.activity).hasSize(6).allMatch(line -> ALICE.equals(line.actorId()));
    assertThat(sink.calls.get(0)).isEqualTo("begin");
    assertThat(String.join(",", sink.calls))
        .matches("begin,negotiations(,n){6},events(,e){3},activity(,a){6},end");
    // The devices, then one read per page, the last one short: 6 lines of 2 take 4 reads.
    assertThat(reads.get()).isEqualTo(1 + 4 + 2 + 4);
  }

  @Test
  void aNewUserExportsTheirFreshProfileAndEmptySections() {
    Recorder sink = new Recorder();
    export.export(new VerifiedIdentity(new UserId("newcomer"), "New"), null, sink);
    assertThat(sink.profile.displayName()).isEqualTo("New");
    assertThat(sink.calls).containsExactly("begin", "negotiations", "events", "activity", "end");
  }

  private static <T> List<T> sortedUnsigned(List<T> ids, java.util.function.Function<T, UUID> key) {
    return ids.stream()
        .sorted((a, b) -> Uuids.compareUnsigned(key.apply(a), key.apply(b)))
        .toList();
  }
}
