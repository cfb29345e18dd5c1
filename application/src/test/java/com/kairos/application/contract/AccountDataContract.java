package com.kairos.application.contract;

import static com.kairos.domain.testing.Fixtures.ALICE;
import static com.kairos.domain.testing.Fixtures.BOB;
import static com.kairos.domain.testing.Fixtures.NOW;
import static com.kairos.domain.testing.Fixtures.blob;
import static com.kairos.domain.testing.Fixtures.newNegotiationId;
import static org.assertj.core.api.Assertions.assertThat;

import com.kairos.application.port.AccountJobs;
import com.kairos.application.port.DeletedAccounts.Deletion;
import com.kairos.domain.common.EventId;
import com.kairos.domain.common.IntentCategory;
import com.kairos.domain.common.TimeZoneId;
import com.kairos.domain.common.UserId;
import com.kairos.domain.common.Uuids;
import com.kairos.domain.event.CreateEventCommand;
import com.kairos.domain.event.Event;
import com.kairos.domain.notification.Notice;
import com.kairos.domain.notification.NotificationKind;
import com.kairos.domain.user.UserProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the ports must do for account deletion and export: deleting a user's rows, the deletion
 * records and the account jobs outbox, the event export pages.
 */
public abstract class AccountDataContract extends ContractTest {
  private static final Duration LEASE = Duration.ofMinutes(1);

  private Event manual(UserId owner) {
    Event e =
        Event.manual(
            new CreateEventCommand(
                new EventId(UUID.randomUUID()),
                NOW.plusSeconds(3600),
                null,
                new TimeZoneId("UTC"),
                IntentCategory.GYM,
                blob("manual"),
                null),
            owner,
            NOW);
    run(() -> ports.events().insertAll(List.of(e)));
    return e;
  }

  // ------------------------------------------------------------- deleting a user's rows

  @Test
  void eventsPageByIdForTheExportAndAreDeletedWithTheirOwnerOnly() {
    List<Event> alices = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      alices.add(manual(ALICE));
    }
    Event bobs = manual(BOB);
    List<EventId> expected =
        alices.stream()
            .map(Event::id)
            .sorted((a, b) -> Uuids.compareUnsigned(a.value(), b.value()))
            .toList();

    List<Event> first = tx(() -> ports.events().ownedBy(ALICE, null, 3));
    List<Event> rest = tx(() -> ports.events().ownedBy(ALICE, first.get(2).id(), 3));
    assertThat(first).extracting(Event::id).containsExactlyElementsOf(expected.subList(0, 3));
    assertThat(rest).extracting(Event::id).containsExactlyElementsOf(expected.subList(3, 5));
    assertThat(first.get(0)).isIn(alices);

    assertThat(tx(() -> ports.events().deleteOwnedBy(ALICE))).isEqualTo(5);
    assertThat(tx(() -> ports.events().ownedBy(ALICE, null, 10))).isEmpty();
    assertThat(tx(() -> ports.events().findById(bobs.id()))).contains(bobs);
    assertThat(tx(() -> ports.events().deleteOwnedBy(ALICE))).isZero();
  }

  @Test
  void removingEveryDeviceOfAUserDropsThePushesWaitingForThem() {
    run(
        () -> {
          ports.devices().register(DeviceRepositoryContract.device(ALICE, 1, "token-a1", NOW));
          ports.devices().register(DeviceRepositoryContract.device(ALICE, 2, "token-a2", NOW));
          ports.devices().register(DeviceRepositoryContract.device(BOB, 3, "token-b1", NOW));
          ports
              .outbox()
              .enqueue(
                  List.of(
                      new Notice(NotificationKind.INVITED, newNegotiationId(), 1, ALICE),
                      new Notice(NotificationKind.INVITED, newNegotiationId(), 1, BOB)),
                  NOW);
        });
    assertThat(tx(() -> ports.outbox().backlog().pending())).isEqualTo(3);

    assertThat(tx(() -> ports.devices().removeAllFor(ALICE))).isEqualTo(2);

    assertThat(tx(() -> ports.devices().listFor(ALICE))).isEmpty();
    assertThat(tx(() -> ports.devices().listFor(BOB))).hasSize(1);
    assertThat(tx(() -> ports.outbox().backlog().pending())).isEqualTo(1);
    assertThat(tx(() -> ports.outbox().claim(NOW, LEASE, 10)))
        .extracting(p -> p.message().token().value())
        .containsExactly("token-b1");
  }

  @Test
  void aDeletedProfileIsGoneAndASecondDeleteFindsNothing() {
    run(
        () ->
            ports
                .profiles()
                .insert(UserProfile.firstSight(UUID.randomUUID(), ALICE, null, null, NOW)));
    run(
        () ->
            ports
                .profiles()
                .insert(UserProfile.firstSight(UUID.randomUUID(), BOB, null, null, NOW)));

    assertThat(tx(() -> ports.profiles().delete(ALICE))).isTrue();
    assertThat(tx(() -> ports.profiles().findByUid(ALICE))).isEmpty();
    assertThat(tx(() -> ports.profiles().findByUid(BOB))).isPresent();
    assertThat(tx(() -> ports.profiles().delete(ALICE))).isFalse();
  }

  // ------------------------------------------------------------- deletion records

  @Test
  void aDeletionIsRecordedAndOnlyEverMovesForward() {
    assertThat(tx(() -> ports.deletions().deletedAt(ALICE))).isEmpty();

    run(() -> ports.deletions().record(ALICE, NOW));
    assertThat(tx(() -> ports.deletions().deletedAt(ALICE))).contains(NOW);

    run(() -> ports.deletions().record(ALICE, NOW.minusSeconds(60)));
    assertThat(tx(() -> ports.deletions().deletedAt(ALICE))).contains(NOW);

    Instant later = NOW.plusSeconds(3600);
    run(() -> ports.deletions().record(ALICE, later));
    assertThat(tx(() -> ports.deletions().deletedAt(ALICE))).contains(later);
    assertThat(tx(() -> ports.deletions().deletedAt(BOB))).isEmpty();
  }

  @Test
  void deletionsPageOldestFirstByTimeThenUser() {
    UserId carol = new UserId("carol-uid");
    run(
        () -> {
          ports.deletions().record(BOB, NOW);
          ports.deletions().record(ALICE, NOW);
          ports.deletions().record(carol, NOW.minusSeconds(1));
        });
    List<Deletion> all = tx(() -> ports.deletions().after(null, 10));
    assertThat(all)
        .containsExactly(
            new Deletion(carol, NOW.minusSeconds(1)),
            new Deletion(ALICE, NOW),
            new Deletion(BOB, NOW));
    assertThat(tx(() -> ports.deletions().after(all.get(1), 10))).containsExactly(all.get(2));
    assertThat(tx(() -> ports.deletions().after(null, 1))).containsExactly(all.get(0));
  }

  // ------------------------------------------------------------- account jobs

  @Test
  void aQueuedJobIsClaimedOnceUntilItsLeaseEnds() {
    run(() -> ports.jobs().enqueue(AccountJobs.Kind.DELETE_IDENTITY_ACCOUNT, ALICE, NOW));
    assertThat(tx(() -> ports.jobs().pending())).isEqualTo(1);
    assertThat(tx(() -> ports.jobs().nextDue())).contains(NOW);

    List<AccountJobs.Job> claimed = tx(() -> ports.jobs().claim(NOW, LEASE, 10));
    assertThat(claimed).hasSize(1);
    AccountJobs.Job job = claimed.get(0);
    assertThat(job.kind()).isEqualTo(AccountJobs.Kind.DELETE_IDENTITY_ACCOUNT);
    assertThat(job.user()).isEqualTo(ALICE);
    assertThat(job.createdAt()).isEqualTo(NOW);
    assertThat(job.attempts()).isEqualTo(1);

    assertThat(tx(() -> ports.jobs().claim(NOW.plusSeconds(59), LEASE, 10))).isEmpty();
    assertThat(tx(() -> ports.jobs().nextDue())).contains(NOW.plus(LEASE));
    // The claimer died: the job falls due again when its lease ends.
    List<AccountJobs.Job> again = tx(() -> ports.jobs().claim(NOW.plus(LEASE), LEASE, 10));
    assertThat(again).extracting(AccountJobs.Job::id).containsExactly(job.id());
    assertThat(again.get(0).attempts()).isEqualTo(2);
  }

  @Test
  void aFailedJobIsRetriedWhenDueAndADoneOneIsNeverClaimedAgain() {
    run(() -> ports.jobs().enqueue(AccountJobs.Kind.DELETE_IDENTITY_ACCOUNT, ALICE, NOW));
    long id = tx(() -> ports.jobs().claim(NOW, LEASE, 10)).get(0).id();

    Instant retryAt = NOW.plusSeconds(30);
    run(() -> ports.jobs().retry(id, retryAt, "UNAVAILABLE"));
    assertThat(tx(() -> ports.jobs().claim(retryAt.minusSeconds(1), LEASE, 10))).isEmpty();
    assertThat(tx(() -> ports.jobs().claim(retryAt, LEASE, 10)))
        .extracting(AccountJobs.Job::attempts)
        .containsExactly(2);

    Instant doneAt = retryAt.plusSeconds(1);
    run(() -> ports.jobs().complete(id, doneAt));
    assertThat(tx(() -> ports.jobs().pending())).isZero();
    assertThat(tx(() -> ports.jobs().nextDue())).isEmpty();
    assertThat(tx(() -> ports.jobs().claim(doneAt.plus(Duration.ofDays(1)), LEASE, 10))).isEmpty();
    // A late retry of a finished job changes nothing.
    run(() -> ports.jobs().retry(id, doneAt, "UNAVAILABLE"));
    assertThat(tx(() -> ports.jobs().pending())).isZero();

    assertThat(tx(() -> ports.jobs().purge(doneAt))).isZero();
    assertThat(tx(() -> ports.jobs().purge(doneAt.plusSeconds(1)))).isEqualTo(1);
  }

  @Test
  void claimsTakeTheDueJobsUpToTheLimitOldestFirst() {
    run(
        () -> {
          ports.jobs().enqueue(AccountJobs.Kind.DELETE_IDENTITY_ACCOUNT, ALICE, NOW.plusSeconds(2));
          ports.jobs().enqueue(AccountJobs.Kind.DELETE_IDENTITY_ACCOUNT, BOB, NOW);
          ports
              .jobs()
              .enqueue(
                  AccountJobs.Kind.DELETE_IDENTITY_ACCOUNT,
                  new UserId("later"),
                  NOW.plusSeconds(60));
        });

    assertThat(tx(() -> ports.jobs().claim(NOW.plusSeconds(5), LEASE, 1)))
        .extracting(AccountJobs.Job::user)
        .containsExactly(BOB);
    assertThat(tx(() -> ports.jobs().claim(NOW.plusSeconds(5), LEASE, 10)))
        .extracting(AccountJobs.Job::user)
        .containsExactly(ALICE);
    assertThat(tx(() -> ports.jobs().pending())).isEqualTo(3);
  }
}
