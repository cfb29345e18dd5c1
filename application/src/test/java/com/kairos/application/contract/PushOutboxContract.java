package com.kairos.application.contract;

import static com.kairos.application.contract.DeviceRepositoryContract.device;
import static com.kairos.application.contract.DeviceRepositoryContract.installation;
import static com.kairos.domain.testing.Fixtures.ALICE;
import static com.kairos.domain.testing.Fixtures.BOB;
import static com.kairos.domain.testing.Fixtures.CAROL;
import static com.kairos.domain.testing.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kairos.application.port.OutboxUpdate;
import com.kairos.application.port.PendingPush;
import com.kairos.application.port.PushMessage;
import com.kairos.application.port.PushOutbox.Backlog;
import com.kairos.application.port.PushOutcome;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.device.Platform;
import com.kairos.domain.device.PushToken;
import com.kairos.domain.notification.Notice;
import com.kairos.domain.notification.NotificationKind;
import com.kairos.domain.testing.SequentialIds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link com.kairos.application.port.PushOutbox} must do (notifications.md). */
public abstract class PushOutboxContract extends ContractTest {
  private static final NegotiationId NEGOTIATION = new NegotiationId(SequentialIds.nth(31, 1));
  private static final Duration LEASE = Duration.ofSeconds(30);

  private void devices() {
    run(() -> ports.devices().register(device(ALICE, 1, "alice-phone", NOW)));
    run(() -> ports.devices().register(device(ALICE, 2, "alice-tablet", NOW)));
    run(() -> ports.devices().register(device(BOB, 3, "bob-phone", NOW)));
  }

  private static Notice notice(
      NotificationKind kind, long version, com.kairos.domain.common.UserId to) {
    return new Notice(kind, NEGOTIATION, version, to);
  }

  private void enqueue(List<Notice> notices, Instant at) {
    run(() -> ports.outbox().enqueue(notices, at));
  }

  private List<PendingPush> claim(Instant now, int limit) {
    return tx(() -> ports.outbox().claim(now, LEASE, limit));
  }

  private void record(OutboxUpdate update, Instant now) {
    run(() -> ports.outbox().record(List.of(update), now));
  }

  private static PushMessage message(String token, NotificationKind kind, long version) {
    return new PushMessage(new PushToken(token), Platform.IOS, kind, NEGOTIATION, version);
  }

  @Test
  void aNoticeBecomesOnePushPerDeviceOfItsRecipientAndNoneWithoutADevice() {
    devices();
    enqueue(
        List.of(
            notice(NotificationKind.REPLIED, 4, ALICE),
            notice(NotificationKind.FINALIZED, 4, BOB),
            notice(NotificationKind.FINALIZED, 4, CAROL)),
        NOW);

    List<PendingPush> claimed = claim(NOW, 10);

    assertThat(claimed)
        .extracting(PendingPush::message)
        .containsExactlyInAnyOrder(
            message("alice-phone", NotificationKind.REPLIED, 4),
            message("alice-tablet", NotificationKind.REPLIED, 4),
            message("bob-phone", NotificationKind.FINALIZED, 4));
    assertThat(claimed).allSatisfy(p -> assertThat(p.createdAt()).isEqualTo(NOW));
    assertThat(claimed).allSatisfy(p -> assertThat(p.attempts()).isEqualTo(1));
    assertThat(claimed).extracting(PendingPush::id).doesNotHaveDuplicates();
  }

  @Test
  void aRolledBackTransactionLeavesNoPush() {
    devices();
    assertThatThrownBy(
            () ->
                run(
                    () -> {
                      ports
                          .outbox()
                          .enqueue(List.of(notice(NotificationKind.INVITED, 1, BOB)), NOW);
                      throw new IllegalStateException("the change was refused");
                    }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(claim(NOW.plusSeconds(60), 10)).isEmpty();
    assertThat(tx(() -> ports.outbox().backlog())).isEqualTo(new Backlog(0, Optional.empty()));
  }

  @Test
  void nothingToEnqueueWritesNothing() {
    devices();
    enqueue(List.of(), NOW);
    assertThat(tx(() -> ports.outbox().backlog()).pending()).isZero();
  }

  @Test
  void aClaimedPushIsInvisibleToOtherClaimsUntilItsLeaseEnds() {
    devices();
    enqueue(List.of(notice(NotificationKind.INVITED, 1, BOB)), NOW);

    PendingPush first = claim(NOW, 10).get(0);

    assertThat(claim(NOW, 10)).isEmpty();
    assertThat(claim(NOW.plus(LEASE).minusMillis(1), 10)).isEmpty();
    List<PendingPush> again = claim(NOW.plus(LEASE), 10);
    assertThat(again).hasSize(1);
    assertThat(again.get(0).id()).isEqualTo(first.id());
    assertThat(again.get(0).attempts()).isEqualTo(2);
  }

  @Test
  void claimsTakeTheOldestDueFirstUpToTheLimit() {
    devices();
    enqueue(List.of(notice(NotificationKind.INVITED, 1, BOB)), NOW);
    enqueue(List.of(notice(NotificationKind.CANCELLED, 2, BOB)), NOW.plusSeconds(1));
    enqueue(List.of(notice(NotificationKind.EXPIRED, 3, BOB)), NOW.plusSeconds(2));

    assertThat(claim(NOW.plusSeconds(1), 10))
        .extracting(p -> p.message().kind())
        .containsExactly(NotificationKind.INVITED, NotificationKind.CANCELLED);
    assertThat(claim(NOW.plusSeconds(5), 10))
        .extracting(p -> p.message().kind())
        .containsExactly(NotificationKind.EXPIRED);
  }

  @Test
  void aSentPushIsDoneAndPurgedAfterItsTime() {
    devices();
    enqueue(List.of(notice(NotificationKind.INVITED, 1, BOB)), NOW);
    PendingPush p = claim(NOW, 10).get(0);

    record(new OutboxUpdate(p.id(), PushOutcome.SENT, null, null), NOW.plusSeconds(1));

    assertThat(claim(NOW.plus(Duration.ofDays(1)), 10)).isEmpty();
    assertThat(tx(() -> ports.outbox().backlog()).pending()).isZero();
    assertThat(tx(() -> ports.outbox().purge(NOW.plusSeconds(1)))).isZero();
    assertThat(tx(() -> ports.outbox().purge(NOW.plusSeconds(2)))).isEqualTo(1);
    assertThat(tx(() -> ports.outbox().purge(NOW.plusSeconds(2)))).isZero();
  }

  @Test
  void aRetriedPushFallsDueAtItsRetryTimeAndNotBefore() {
    devices();
    enqueue(List.of(notice(NotificationKind.INVITED, 1, BOB)), NOW);
    PendingPush p = claim(NOW, 10).get(0);
    Instant retryAt = NOW.plusSeconds(7);

    record(new OutboxUpdate(p.id(), PushOutcome.RETRY, retryAt, "UNAVAILABLE"), NOW);

    assertThat(tx(() -> ports.outbox().nextDue())).contains(retryAt);
    assertThat(claim(retryAt.minusMillis(1), 10)).isEmpty();
    assertThat(claim(retryAt, 10)).extracting(PendingPush::attempts).containsExactly(2);
    assertThat(tx(() -> ports.outbox().purge(NOW.plus(Duration.ofDays(30))))).isZero();
  }

  @Test
  void aDeadPushIsNeverClaimedAgainAndIsPurged() {
    devices();
    enqueue(List.of(notice(NotificationKind.INVITED, 1, BOB)), NOW);
    PendingPush p = claim(NOW, 10).get(0);

    record(new OutboxUpdate(p.id(), PushOutcome.DEAD, null, "QUOTA_EXCEEDED"), NOW);

    assertThat(claim(NOW.plus(Duration.ofDays(2)), 10)).isEmpty();
    assertThat(tx(() -> ports.outbox().backlog()).pending()).isZero();
    assertThat(tx(() -> ports.outbox().purge(NOW.plusSeconds(1)))).isEqualTo(1);
  }

  @Test
  void aRejectedTokenRemovesItsDeviceAndEveryPushWaitingForIt() {
    devices();
    enqueue(List.of(notice(NotificationKind.INVITED, 1, BOB)), NOW);
    enqueue(List.of(notice(NotificationKind.CANCELLED, 2, BOB)), NOW.plusSeconds(60));
    enqueue(List.of(notice(NotificationKind.REPLIED, 2, ALICE)), NOW.plusSeconds(60));
    PendingPush p = claim(NOW, 1).get(0);

    record(new OutboxUpdate(p.id(), PushOutcome.TOKEN_REJECTED, null, "UNREGISTERED"), NOW);

    assertThat(tx(() -> ports.devices().listFor(BOB))).isEmpty();
    assertThat(tx(() -> ports.devices().listFor(ALICE))).hasSize(2);
    assertThat(claim(NOW.plusSeconds(120), 10))
        .extracting(x -> x.message().token().value())
        .containsExactlyInAnyOrder("alice-phone", "alice-tablet");
  }

  @Test
  void removingOrMovingADeviceDropsThePushesWaitingForIt() {
    devices();
    enqueue(
        List.of(
            notice(NotificationKind.INVITED, 1, BOB), notice(NotificationKind.REPLIED, 1, ALICE)),
        NOW);

    run(() -> ports.devices().remove(BOB, installation(3)));
    // Carol signs in on Alice's tablet: its token moves to Carol, and Alice's push stays behind.
    run(() -> ports.devices().register(device(CAROL, 9, "alice-tablet", NOW)));

    assertThat(claim(NOW, 10))
        .extracting(x -> x.message().token().value())
        .containsExactly("alice-phone");
  }

  @Test
  void aReleasedPushIsDueAtOnceWithItsAttemptGivenBack() {
    devices();
    enqueue(List.of(notice(NotificationKind.INVITED, 1, BOB)), NOW);
    PendingPush p = claim(NOW, 10).get(0);

    run(() -> ports.outbox().release(List.of(p.id()), NOW.plusSeconds(1)));

    List<PendingPush> again = claim(NOW.plusSeconds(1), 10);
    assertThat(again).extracting(PendingPush::id).containsExactly(p.id());
    assertThat(again.get(0).attempts()).isEqualTo(1);
  }

  @Test
  void theBacklogCountsPendingPushesAndNamesTheOldest() {
    devices();
    assertThat(tx(() -> ports.outbox().nextDue())).isEmpty();
    enqueue(List.of(notice(NotificationKind.INVITED, 1, BOB)), NOW);
    enqueue(List.of(notice(NotificationKind.REPLIED, 2, ALICE)), NOW.plusSeconds(3));

    assertThat(tx(() -> ports.outbox().backlog())).isEqualTo(new Backlog(3, Optional.of(NOW)));
    assertThat(tx(() -> ports.outbox().nextDue())).contains(NOW);
  }

  @Test
  void twoDispatchersClaimingAtOnceNeverGetTheSameRow() throws Exception {
    devices();
    List<Notice> many = new ArrayList<>();
    for (int v = 1; v <= 150; v++) {
      many.add(notice(NotificationKind.COUNTERED, v, BOB));
    }
    enqueue(many, NOW);

    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Callable<List<Long>> dispatcher =
          () -> {
            List<Long> mine = new ArrayList<>();
            List<PendingPush> batch;
            while (!(batch = claim(NOW, 7)).isEmpty()) {
              batch.forEach(p -> mine.add(p.id()));
            }
            return mine;
          };
      Future<List<Long>> a = pool.submit(dispatcher);
      Future<List<Long>> b = pool.submit(dispatcher);
      List<Long> all = new ArrayList<>(a.get());
      all.addAll(b.get());
      Set<Long> distinct = new HashSet<>(all);
      assertThat(all).hasSize(150);
      assertThat(distinct).hasSize(150);
    } finally {
      pool.shutdownNow();
    }
  }
}
