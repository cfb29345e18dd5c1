package com.kairos.application.account;

import static com.kairos.domain.testing.Fixtures.ALICE;
import static com.kairos.domain.testing.Fixtures.BOB;
import static com.kairos.domain.testing.Fixtures.CAROL;
import static com.kairos.domain.testing.Fixtures.NOW;
import static com.kairos.domain.testing.Fixtures.blob;
import static com.kairos.domain.testing.StartRequest.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kairos.application.device.RegisterDevice.Registration;
import com.kairos.application.memory.InMemoryStore;
import com.kairos.application.port.AccountJobs;
import com.kairos.application.port.DeviceRepository;
import com.kairos.application.port.VerifiedIdentity;
import com.kairos.application.testing.UseCaseTest;
import com.kairos.domain.common.EventId;
import com.kairos.domain.common.IntentCategory;
import com.kairos.domain.common.TimeZoneId;
import com.kairos.domain.common.UserId;
import com.kairos.domain.device.InstallationId;
import com.kairos.domain.device.Platform;
import com.kairos.domain.device.PushToken;
import com.kairos.domain.event.CreateEventCommand;
import com.kairos.domain.event.Event;
import com.kairos.domain.negotiation.Activity;
import com.kairos.domain.negotiation.CancelReason;
import com.kairos.domain.negotiation.Negotiation;
import com.kairos.domain.negotiation.NegotiationAction;
import com.kairos.domain.negotiation.NegotiationState;
import com.kairos.domain.negotiation.ParticipantStatus;
import com.kairos.domain.notification.Notice;
import com.kairos.domain.notification.NotificationKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DELETE /me in the core: everything accounts.md lists, in one transaction. */
class DeleteAccountTest extends UseCaseTest {
  private Negotiation aliceActive;
  private Negotiation aliceDraft;
  private Negotiation aliceFinalized;
  private Negotiation bobsGroup;
  private Negotiation bobsPair;
  private Negotiation bobsDeclined;
  private Event alicesManual;

  private void phone(UserId owner, int n) {
    uc.registerDevice()
        .register(
            owner,
            new Registration(
                new InstallationId(new UUID(0x4000L, n)),
                new PushToken("token-" + owner.value() + "-" + n),
                Platform.IOS,
                null,
                null));
  }

  private Instant signedInJustNow() {
    return backend.clock.instant().minusSeconds(30);
  }

  @BeforeEach
  void aliceTakesPartInEverything() {
    phone(ALICE, 1);
    phone(ALICE, 2);
    phone(BOB, 3);
    phone(CAROL, 4);
    uc.getProfile().getOrCreate(new VerifiedIdentity(ALICE, null), null);
    uc.getProfile().getOrCreate(new VerifiedIdentity(BOB, null), null);
    aliceActive = begin(ALICE, start().inviting(BOB, CAROL));
    reply(
        BOB,
        aliceActive.id(),
        new com.kairos.domain.negotiation.Reply.Accept(null, null),
        null,
        null);
    aliceDraft = begin(ALICE, start().inviting(BOB).draft());
    aliceFinalized = accept(BOB, begin(ALICE, start().inviting(BOB)).id());
    bobsGroup = begin(BOB, start().inviting(ALICE, CAROL));
    accept(CAROL, bobsGroup.id());
    bobsDeclined = begin(BOB, start().inviting(ALICE, CAROL));
    uc.replyToNegotiation()
        .reply(
            ALICE,
            new com.kairos.domain.negotiation.ReplyCommand(
                bobsDeclined.id(),
                new com.kairos.domain.negotiation.Reply.Decline(),
                null,
                null,
                blob("alice's regrets"),
                null));
    bobsPair = begin(BOB, start().inviting(ALICE));
    alicesManual =
        uc.createEvent()
            .create(
                ALICE,
                new CreateEventCommand(
                    new EventId(UUID.randomUUID()),
                    NOW.plusSeconds(7200),
                    null,
                    new TimeZoneId("UTC"),
                    IntentCategory.GYM,
                    blob("alice's gym"),
                    null));
    backend.clock.advance(Duration.ofMinutes(10));
  }

  @Test
  void anOldSignInIsRefusedAndNothingChanges() {
    InMemoryStore.Snapshot before = snapshot();

    assertThatThrownBy(
            () ->
                uc.deleteAccount()
                    .delete(
                        ALICE,
                        backend.clock.instant().minus(Duration.ofMinutes(5)).minusSeconds(1)))
        .isInstanceOf(RecentLoginRequired.class)
        // The wire code (recent_login_required) is the HTTP adapter's:
        // AccountDeletionEndpointsTest.
        .hasMessage("a recent sign-in is required");
    assertThatThrownBy(() -> uc.deleteAccount().delete(ALICE, null))
        .isInstanceOf(RecentLoginRequired.class);
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void aSignInFiveMinutesAgoIsRecentEnough() {
    uc.deleteAccount().delete(ALICE, backend.clock.instant().minus(Duration.ofMinutes(5)));

    assertThat(inTx(() -> backend.deletions.deletedAt(ALICE))).isPresent();
  }

  @Test
  void theOwnersOpenNegotiationsAreCancelledAsOwnerDeletedByThem() {
    uc.deleteAccount().delete(ALICE, signedInJustNow());

    for (Negotiation n : List.of(aliceActive, aliceDraft)) {
      Negotiation after = stored(n.id());
      assertThat(after.state()).isEqualTo(NegotiationState.CANCELLED);
      assertThat(after.cancelReason()).contains(CancelReason.OWNER_DELETED);
      assertThat(after.encryptedPayload()).isEmpty();
      Activity last = lastLine(n);
      assertThat(last.action()).isEqualTo(NegotiationAction.CANCEL);
      assertThat(last.actorId()).isEqualTo(ALICE);
    }
    // Bob's answer to Alice's negotiation is his, and stays.
    assertThat(stored(aliceActive.id()).participant(BOB).orElseThrow().status())
        .isEqualTo(ParticipantStatus.ACCEPTED);
  }

  @Test
  void theOwnersFinalizedNegotiationStaysFinalizedForTheOthersWithoutHerBlob() {
    List<Event> bobsBefore = eventsOf(BOB, aliceFinalized);

    uc.deleteAccount().delete(ALICE, signedInJustNow());

    Negotiation after = stored(aliceFinalized.id());
    assertThat(after.state()).isEqualTo(NegotiationState.FINALIZED);
    assertThat(after.encryptedPayload()).isEmpty();
    assertThat(after.outcome()).isEqualTo(aliceFinalized.outcome());
    assertThat(eventsOf(BOB, aliceFinalized)).isEqualTo(bobsBefore).hasSize(1);
    assertThat(eventsOf(ALICE, aliceFinalized)).isEmpty();
    assertThat(lastLine(aliceFinalized).action()).isEqualTo(NegotiationAction.LEAVE);
  }

  @Test
  void leavingSomeoneElsesNegotiationsRunsTheConsensusRule() {
    uc.deleteAccount().delete(ALICE, signedInJustNow());

    Negotiation group = stored(bobsGroup.id());
    assertThat(group.state()).isEqualTo(NegotiationState.FINALIZED);
    assertThat(group.participant(ALICE).orElseThrow().status())
        .isEqualTo(ParticipantStatus.DECLINED);
    assertThat(group.participant(ALICE).orElseThrow().encryptedPayload()).isNull();
    assertThat(lastLine(bobsGroup).action()).isEqualTo(NegotiationAction.LEAVE);
    assertThat(eventsOf(BOB, bobsGroup)).hasSize(1);
    assertThat(eventsOf(CAROL, bobsGroup)).hasSize(1);

    Negotiation declined = stored(bobsDeclined.id());
    assertThat(declined.state()).isEqualTo(NegotiationState.ACTIVE);
    assertThat(declined.participant(ALICE).orElseThrow().encryptedPayload()).isNull();
    assertThat(declined.participant(ALICE).orElseThrow().status())
        .isEqualTo(ParticipantStatus.DECLINED);

    Negotiation pair = stored(bobsPair.id());
    assertThat(pair.state()).isEqualTo(NegotiationState.CANCELLED);
    assertThat(pair.cancelReason()).contains(CancelReason.ALL_DECLINED);
    assertThat(lastLine(bobsPair).action()).isEqualTo(NegotiationAction.LEAVE);
  }

  @Test
  void herProfileEventsAndDevicesGoAndTheDeletionAndTheFirebaseJobAreRecorded() {
    Instant at = backend.clock.instant();

    DeleteAccount.Result result = uc.deleteAccount().delete(ALICE, signedInJustNow());

    assertThat(result.eventsDeleted()).isEqualTo(2); // her manual event and her finalized one
    assertThat(result.devicesRemoved()).isEqualTo(2);
    assertThat(result.negotiationsChanged()).isEqualTo(6);
    assertThat(inTx(() -> backend.events.findById(alicesManual.id()))).isEmpty();
    assertThat(inTx(() -> backend.events.ownedBy(ALICE, null, 10))).isEmpty();
    assertThat(inTx(() -> backend.devices.listFor(ALICE))).isEmpty();
    assertThat(inTx(() -> backend.devices.listFor(BOB))).hasSize(1);
    assertThat(inTx(() -> backend.profiles.findByUid(ALICE))).isEmpty();
    assertThat(inTx(() -> backend.profiles.findByUid(BOB))).isPresent();
    assertThat(inTx(() -> backend.deletions.deletedAt(ALICE))).contains(at);
    List<AccountJobs.Job> jobs = inTx(() -> backend.jobs.claim(at, Duration.ofMinutes(1), 10));
    assertThat(jobs).hasSize(1);
    assertThat(jobs.get(0).kind()).isEqualTo(AccountJobs.Kind.DELETE_IDENTITY_ACCOUNT);
    assertThat(jobs.get(0).user()).isEqualTo(ALICE);
  }

  @Test
  void theOthersAreNotifiedAsUsualAndNothingWaitsForHer() {
    long before =
        backend.outbox.rows().stream().mapToLong(InMemoryStore.OutboxRow::id).max().orElse(0);

    uc.deleteAccount().delete(ALICE, signedInJustNow());

    List<Notice> queued =
        backend.outbox.rows().stream()
            .filter(r -> r.id() > before)
            .map(InMemoryStore.OutboxRow::notice)
            .toList();
    assertThat(queued).noneMatch(n -> n.recipient().equals(ALICE));
    long active = stored(aliceActive.id()).version();
    long group = stored(bobsGroup.id()).version();
    long pair = stored(bobsPair.id()).version();
    long declined = stored(bobsDeclined.id()).version();
    assertThat(queued)
        .containsExactlyInAnyOrder(
            new Notice(NotificationKind.CANCELLED, aliceActive.id(), active, BOB),
            new Notice(NotificationKind.CANCELLED, aliceActive.id(), active, CAROL),
            new Notice(NotificationKind.REPLIED, bobsGroup.id(), group, BOB),
            new Notice(NotificationKind.FINALIZED, bobsGroup.id(), group, BOB),
            new Notice(NotificationKind.FINALIZED, bobsGroup.id(), group, CAROL),
            new Notice(NotificationKind.REPLIED, bobsDeclined.id(), declined, BOB),
            new Notice(NotificationKind.REPLIED, bobsPair.id(), pair, BOB),
            new Notice(NotificationKind.CANCELLED, bobsPair.id(), pair, BOB));
    assertThat(backend.outbox.rows())
        .noneMatch(r -> r.notice().recipient().equals(ALICE) && r.state().equals("pending"));
  }

  @Test
  void aFailureHalfWayLeavesEverythingAsItWas() {
    InMemoryStore.Snapshot before = snapshot();
    // Every negotiation and event is written by the time the devices go: then it fails.
    DeviceRepository failing =
        new DeviceRepository() {
          @Override
          public Registered register(com.kairos.domain.device.Device device) {
            return backend.devices.register(device);
          }

          @Override
          public List<com.kairos.domain.device.Device> listFor(UserId owner) {
            return backend.devices.listFor(owner);
          }

          @Override
          public boolean remove(UserId owner, InstallationId installationId) {
            return backend.devices.remove(owner, installationId);
          }

          @Override
          public int removeAllFor(UserId owner) {
            throw new IllegalStateException("injected failure");
          }
        };
    DeleteAccount.Ports ports =
        new DeleteAccount.Ports(
            backend.transactions,
            backend.negotiations,
            backend.negotiations,
            backend.events,
            backend.profiles,
            failing,
            backend.outbox,
            backend.deletions,
            backend.jobs);

    assertThatThrownBy(
            () ->
                new DeleteAccount(
                        ports, backend.useCases.revokedAccounts(), backend.ids, backend.clock)
                    .delete(ALICE, signedInJustNow()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("injected failure");

    assertThat(snapshot()).isEqualTo(before);
  }

  private InMemoryStore.Snapshot snapshot() {
    return inTx(backend.store::snapshot);
  }

  private Activity lastLine(Negotiation n) {
    List<Activity> history = inTx(() -> backend.negotiations.history(n.id()));
    return history.get(history.size() - 1);
  }

  private List<Event> eventsOf(UserId owner, Negotiation n) {
    return inTx(() -> backend.events.ownedBy(owner, null, 100)).stream()
        .filter(e -> n.id().equals(e.negotiationId()))
        .toList();
  }

  private <T> T inTx(java.util.function.Supplier<T> work) {
    return backend.transactions.inTransaction(work);
  }
}
