package com.kairos.application.push;

import static com.kairos.domain.testing.Fixtures.ALICE;
import static com.kairos.domain.testing.Fixtures.BOB;
import static com.kairos.domain.testing.Fixtures.CAROL;
import static com.kairos.domain.testing.Fixtures.NOW;
import static com.kairos.domain.testing.Fixtures.inHours;
import static com.kairos.domain.testing.StartRequest.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kairos.application.device.RegisterDevice.Registration;
import com.kairos.application.memory.InMemoryStore.OutboxRow;
import com.kairos.application.testing.UseCaseTest;
import com.kairos.domain.common.UserId;
import com.kairos.domain.device.InstallationId;
import com.kairos.domain.device.Platform;
import com.kairos.domain.device.PushToken;
import com.kairos.domain.negotiation.Negotiation;
import com.kairos.domain.notification.Notice;
import com.kairos.domain.notification.NotificationKind;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each use case that changes a negotiation queues its pushes in its own transaction. */
class NotifyingUseCasesTest extends UseCaseTest {

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

  private List<Notice> queued() {
    return backend.outbox.rows().stream().map(OutboxRow::notice).toList();
  }

  @BeforeEach
  void everyoneHasAPhone() {
    phone(ALICE, 1);
    phone(BOB, 2);
    phone(CAROL, 3);
  }

  @Test
  void startReplyAndFinalizeQueueTheirPushes() {
    Negotiation n = begin(ALICE, start().inviting(BOB));
    assertThat(queued()).containsExactly(new Notice(NotificationKind.INVITED, n.id(), 1, BOB));

    Negotiation finalized = accept(BOB, n.id());

    assertThat(queued())
        .containsExactly(
            new Notice(NotificationKind.INVITED, n.id(), 1, BOB),
            new Notice(NotificationKind.REPLIED, n.id(), finalized.version(), ALICE),
            new Notice(NotificationKind.FINALIZED, n.id(), finalized.version(), ALICE));
    assertThat(backend.outbox.rows()).allSatisfy(r -> assertThat(r.createdAt()).isEqualTo(NOW));
  }

  @Test
  void sendAndCancelQueueTheirPushes() {
    Negotiation draft = begin(ALICE, start().inviting(BOB, CAROL).draft());
    assertThat(queued()).isEmpty();

    Negotiation sent = uc.sendNegotiation().send(ALICE, draft.id(), null);
    Negotiation cancelled = uc.cancelNegotiation().cancel(ALICE, draft.id(), null);

    assertThat(queued())
        .containsExactly(
            new Notice(NotificationKind.INVITED, draft.id(), sent.version(), BOB),
            new Notice(NotificationKind.INVITED, draft.id(), sent.version(), CAROL),
            new Notice(NotificationKind.CANCELLED, draft.id(), cancelled.version(), BOB),
            new Notice(NotificationKind.CANCELLED, draft.id(), cancelled.version(), CAROL));
  }

  @Test
  void aRefusedRequestQueuesNothing() {
    Negotiation n = begin(ALICE, start().inviting(BOB, CAROL));
    int before = backend.outbox.rows().size();

    assertThatThrownBy(() -> uc.cancelNegotiation().cancel(BOB, n.id(), null))
        .isInstanceOf(RuntimeException.class);
    assertThatThrownBy(() -> uc.replyToNegotiation().reply(BOB, staleReply(n)))
        .isInstanceOf(RuntimeException.class);

    assertThat(backend.outbox.rows()).hasSize(before);
  }

  private com.kairos.domain.negotiation.ReplyCommand staleReply(Negotiation n) {
    return new com.kairos.domain.negotiation.ReplyCommand(
        n.id(),
        new com.kairos.domain.negotiation.Reply.Accept(null, null),
        null,
        n.version() + 5,
        null,
        null);
  }

  @Test
  void aRecipientWithoutADeviceGetsNoRow() {
    Negotiation n = begin(ALICE, start().inviting(new UserId("no-phone-uid")));
    assertThat(backend.outbox.rows()).isEmpty();
    assertThat(n.participantCount()).isEqualTo(2);
  }

  @Test
  void theSweepQueuesOneExpiryPushPerParticipantStillInExactlyOnce() {
    Negotiation n = begin(ALICE, start().inviting(BOB, CAROL).expiresAt(inHours(1)));
    decline(CAROL, n.id());
    backend.clock.advance(Duration.ofHours(2));
    int before = backend.outbox.rows().size();

    assertThat(uc.expireDueNegotiations().sweep()).isEqualTo(1);
    assertThat(uc.expireDueNegotiations().sweep()).isZero();

    long version = stored(n.id()).version();
    assertThat(queued().subList(before, queued().size()))
        .containsExactly(
            new Notice(NotificationKind.EXPIRED, n.id(), version, ALICE),
            new Notice(NotificationKind.EXPIRED, n.id(), version, BOB));
  }
}
