package com.kairos.application.negotiation;

import static com.kairos.domain.testing.Fixtures.ALICE;
import static com.kairos.domain.testing.Fixtures.BOB;
import static com.kairos.domain.testing.Fixtures.CAROL;
import static com.kairos.domain.testing.Fixtures.MALLORY;
import static com.kairos.domain.testing.StartRequest.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kairos.application.port.EventQuery;
import com.kairos.application.testing.UseCaseTest;
import com.kairos.domain.common.AccessDenied;
import com.kairos.domain.common.Names;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.NotFound;
import com.kairos.domain.common.ReplyId;
import com.kairos.domain.common.UserId;
import com.kairos.domain.event.Event;
import com.kairos.domain.event.EventStatus;
import com.kairos.domain.negotiation.Negotiation;
import com.kairos.domain.negotiation.NegotiationAction;
import com.kairos.domain.negotiation.NegotiationExpired;
import com.kairos.domain.negotiation.NegotiationState;
import com.kairos.domain.negotiation.Reply;
import com.kairos.domain.negotiation.StaleVersion;
import com.kairos.domain.testing.Fixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReplyToNegotiationTest extends UseCaseTest {

  @Test
  void aParticipantsReplyIsStoredWithItsHistoryLine() {
    Negotiation n = begin(ALICE, start().inviting(BOB, CAROL));
    Negotiation after = accept(BOB, n.id());
    assertThat(stored(n.id())).isEqualTo(after);
    assertThat(backend.transactions.inTransaction(() -> backend.negotiations.history(n.id())))
        .extracting(a -> a.action())
        .containsExactly(NegotiationAction.START, NegotiationAction.ACCEPT);
  }

  @Test
  void strangersAreForbiddenAndUnknownNegotiationsNotFound() {
    Negotiation n = begin(ALICE, start());
    assertThatThrownBy(() -> accept(MALLORY, n.id())).isInstanceOf(AccessDenied.class);
    assertThatThrownBy(() -> accept(BOB, new NegotiationId(UUID.randomUUID())))
        .isInstanceOf(NotFound.class);
  }

  @Test
  void aDraftIsNotFoundForItsInviteesAndStrangers() {
    Negotiation n = begin(ALICE, start().draft());
    assertThatThrownBy(() -> accept(BOB, n.id())).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> accept(MALLORY, n.id())).isInstanceOf(NotFound.class);
  }

  @Test
  void aRepeatedReplyIdChangesNothingAndReturnsTheCurrentNegotiation() {
    Negotiation n = begin(ALICE, start().inviting(BOB, CAROL));
    ReplyId replyId = new ReplyId(UUID.randomUUID());
    Negotiation first = reply(BOB, n.id(), new Reply.Decline(), replyId, null);

    ReplyToNegotiation.Result again =
        uc.replyToNegotiation()
            .reply(
                BOB,
                new com.kairos.domain.negotiation.ReplyCommand(
                    n.id(), new Reply.Decline(), replyId, null, null, null));

    assertThat(again.replayed()).isTrue();
    assertThat(again.negotiation()).isEqualTo(first);
    assertThat(stored(n.id()).version()).isEqualTo(2);
  }

  @Test
  void aRepeatedReplyIdIsAcceptedEvenAfterItFinalizedTheNegotiation() {
    Negotiation n = begin(ALICE, start());
    ReplyId replyId = new ReplyId(UUID.randomUUID());
    Negotiation finalized = reply(BOB, n.id(), new Reply.Accept(null, null), replyId, 1L);
    assertThat(finalized.state()).isEqualTo(NegotiationState.FINALIZED);

    Negotiation retried = reply(BOB, n.id(), new Reply.Accept(null, null), replyId, 1L);

    assertThat(retried).isEqualTo(finalized);
    assertThat(eventsOf(BOB)).hasSize(1);
  }

  @Test
  void theSameReplyIdFromAnotherParticipantIsAnotherReply() {
    Negotiation n = begin(ALICE, start().inviting(BOB, CAROL));
    ReplyId shared = new ReplyId(UUID.randomUUID());
    reply(BOB, n.id(), new Reply.Accept(null, null), shared, null);
    Negotiation after = reply(CAROL, n.id(), new Reply.Accept(null, null), shared, null);
    assertThat(after.state()).isEqualTo(NegotiationState.FINALIZED);
  }

  @Test
  void aStaleExpectedVersionIsRefusedAndChangesNothing() {
    Negotiation n = begin(ALICE, start().inviting(BOB, CAROL));
    accept(CAROL, n.id());
    assertThatThrownBy(() -> reply(BOB, n.id(), new Reply.Decline(), null, 1L))
        .isInstanceOfSatisfying(
            StaleVersion.class, e -> assertThat(e.currentVersion()).isEqualTo(2));
    assertThat(stored(n.id()).version()).isEqualTo(2);
    assertThat(Names.lowerCase(stored(n.id()).participant(BOB).orElseThrow().status()))
        .isEqualTo("pending");
  }

  @Test
  void repliesAfterExpiryAreRefusedAsExpired() {
    Negotiation n = begin(ALICE, start().expiresAt(Fixtures.inHours(2)));
    backend.clock.advance(Duration.ofHours(2));
    assertThatThrownBy(() -> accept(BOB, n.id()))
        .isInstanceOfSatisfying(
            NegotiationExpired.class, e -> assertThat(e.expiredAt()).isEqualTo(n.expiresAt()));
    assertThat(stored(n.id()).version()).isEqualTo(1);
  }

  @Test
  void finalizationStoresOneConfirmedEventPerAgreeingParticipant() {
    Negotiation n = begin(ALICE, start().inviting(BOB, CAROL));
    decline(CAROL, n.id());
    accept(BOB, n.id());
    assertThat(eventsOf(ALICE))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.negotiationId()).isEqualTo(n.id());
              assertThat(e.status()).isEqualTo(EventStatus.CONFIRMED);
            });
    assertThat(eventsOf(BOB)).hasSize(1);
    assertThat(eventsOf(CAROL)).isEmpty();
  }

  @Test
  void twentyConcurrentRepliesAreAllRecordedAndFinalizeExactlyOnce() throws Exception {
    List<UserId> invitees = new ArrayList<>();
    IntStream.rangeClosed(1, 20).forEach(i -> invitees.add(Fixtures.user(i)));
    Negotiation n = begin(ALICE, start().inviting(invitees));
    ExecutorService pool = Executors.newFixedThreadPool(20);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Negotiation>> results = new ArrayList<>();
    for (UserId invitee : invitees) {
      results.add(
          pool.submit(
              () -> {
                go.await();
                return accept(invitee, n.id());
              }));
    }
    go.countDown();
    long finalizations = 0;
    for (Future<Negotiation> f : results) {
      if (f.get(30, TimeUnit.SECONDS).state() == NegotiationState.FINALIZED) {
        finalizations++;
      }
    }
    pool.shutdown();

    assertThat(finalizations).isEqualTo(1);
    Negotiation done = stored(n.id());
    assertThat(done.version()).isEqualTo(21);
    assertThat(done.participants()).allSatisfy(p -> assertThat(p.status().agrees()).isTrue());
    assertThat(countAllEvents()).isEqualTo(21);
  }

  private long countAllEvents() {
    long count = eventsOf(ALICE).size();
    for (int i = 1; i <= 20; i++) {
      count += eventsOf(Fixtures.user(i)).size();
    }
    return count;
  }

  private List<Event> eventsOf(UserId owner) {
    return backend.transactions.inTransaction(
        () -> backend.events.listFor(owner, new EventQuery(null, null, null), 100));
  }
}
