package com.kairos.domain.notification;

import static com.kairos.domain.notification.NotificationKind.CANCELLED;
import static com.kairos.domain.notification.NotificationKind.COUNTERED;
import static com.kairos.domain.notification.NotificationKind.EXPIRED;
import static com.kairos.domain.notification.NotificationKind.FINALIZED;
import static com.kairos.domain.notification.NotificationKind.INVITED;
import static com.kairos.domain.notification.NotificationKind.REPLIED;
import static com.kairos.domain.testing.Fixtures.ALICE;
import static com.kairos.domain.testing.Fixtures.BOB;
import static com.kairos.domain.testing.Fixtures.CAROL;
import static com.kairos.domain.testing.Fixtures.DAVE;
import static com.kairos.domain.testing.Fixtures.NOW;
import static com.kairos.domain.testing.Fixtures.blob;
import static com.kairos.domain.testing.Fixtures.inHours;
import static com.kairos.domain.testing.StartRequest.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kairos.domain.common.SlotId;
import com.kairos.domain.common.UserId;
import com.kairos.domain.negotiation.CancelReason;
import com.kairos.domain.negotiation.Departure;
import com.kairos.domain.negotiation.Negotiation;
import com.kairos.domain.negotiation.NegotiationState;
import com.kairos.domain.negotiation.Reply;
import com.kairos.domain.negotiation.ReplyCommand;
import com.kairos.domain.negotiation.SlotProposal;
import com.kairos.domain.negotiation.Transition;
import com.kairos.domain.negotiation.TransitionResult;
import com.kairos.domain.testing.SequentialIds;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The table of notifications.md, row by row: who is told what, and never the actor. */
class NoticesTest {
  private final SequentialIds ids = new SequentialIds(5);

  private static Notice notice(NotificationKind kind, Negotiation n, UserId to) {
    return new Notice(kind, n.id(), n.version(), to);
  }

  private static List<Notice> after(Negotiation before, Transition t) {
    return Notices.of(t);
  }

  private Transition reply(Negotiation n, UserId who, Reply reply) {
    return n.reply(who, new ReplyCommand(n.id(), reply, null, null, null, null), inHours(1), ids);
  }

  private Transition accept(Negotiation n, UserId who) {
    return reply(n, who, new Reply.Accept(null, null));
  }

  private Transition decline(Negotiation n, UserId who) {
    return reply(n, who, new Reply.Decline());
  }

  private Negotiation group() {
    return start().inviting(BOB, CAROL, DAVE).startedBy(ALICE, ids);
  }

  @Test
  void anActiveStartInvitesEveryInviteeButNotTheOrganizer() {
    Transition t = Negotiation.start(start().inviting(BOB, CAROL).build(), ALICE, NOW, ids);

    assertThat(Notices.of(t))
        .containsExactly(
            notice(INVITED, t.negotiation(), BOB), notice(INVITED, t.negotiation(), CAROL));
  }

  @Test
  void aDraftStartNotifiesNoOne() {
    Transition t = Negotiation.start(start().inviting(BOB).draft().build(), ALICE, NOW, ids);

    assertThat(Notices.of(t)).isEmpty();
  }

  @Test
  void sendingADraftInvitesEveryInvitee() {
    Negotiation draft = start().inviting(BOB, CAROL).draft().startedBy(ALICE, ids);
    Transition t = draft.send(ALICE, null, inHours(1));

    assertThat(after(draft, t))
        .containsExactly(
            notice(INVITED, t.negotiation(), BOB), notice(INVITED, t.negotiation(), CAROL));
  }

  @Test
  void anAcceptThatLeavesItOpenTellsTheOrganizerOnly() {
    Negotiation n = group();
    Transition t = accept(n, BOB);

    assertThat(t.negotiation().state()).isEqualTo(NegotiationState.ACTIVE);
    assertThat(after(n, t)).containsExactly(notice(REPLIED, t.negotiation(), ALICE));
  }

  @Test
  void aDeclineThatLeavesItOpenTellsTheOrganizerOnly() {
    Negotiation n = group();
    Transition t = decline(n, CAROL);

    assertThat(after(n, t)).containsExactly(notice(REPLIED, t.negotiation(), ALICE));
  }

  @Test
  void aCounterTellsEveryOtherParticipantStillIn() {
    Negotiation n = decline(group(), DAVE).negotiation();
    SlotProposal newSlot =
        new SlotProposal(new SlotId(SequentialIds.nth(70, 1)), inHours(60), null, null, null);
    Transition t = reply(n, BOB, new Reply.Counter(List.of(newSlot), null, null, null, blob("c")));

    // Dave declined, Bob countered: Alice and Carol hear of it.
    assertThat(after(n, t))
        .containsExactly(
            notice(COUNTERED, t.negotiation(), ALICE), notice(COUNTERED, t.negotiation(), CAROL));
  }

  @Test
  void anAcceptThatFinalizesTellsTheOrganizerItRepliedAndEveryOtherEventOwnerItIsFinal() {
    Negotiation n = accept(decline(group(), DAVE).negotiation(), CAROL).negotiation();
    Transition t = accept(n, BOB);

    assertThat(t.negotiation().state()).isEqualTo(NegotiationState.FINALIZED);
    // Bob (the actor) is told nothing; Dave declined and has no event.
    assertThat(after(n, t))
        .containsExactly(
            notice(REPLIED, t.negotiation(), ALICE),
            notice(FINALIZED, t.negotiation(), ALICE),
            notice(FINALIZED, t.negotiation(), CAROL));
  }

  @Test
  void theLastDeclineCancelsAndTellsTheOrganizerBothThings() {
    Negotiation n = start().inviting(BOB).startedBy(ALICE, ids);
    Transition t = decline(n, BOB);

    assertThat(t.negotiation().state()).isEqualTo(NegotiationState.CANCELLED);
    assertThat(after(n, t))
        .containsExactly(
            notice(REPLIED, t.negotiation(), ALICE), notice(CANCELLED, t.negotiation(), ALICE));
  }

  @Test
  void anOwnersCancelTellsEveryParticipantStillInButTheOwner() {
    Negotiation n = decline(group(), CAROL).negotiation();
    Transition t = n.cancel(ALICE, null, inHours(2));

    assertThat(after(n, t))
        .containsExactly(
            notice(CANCELLED, t.negotiation(), BOB), notice(CANCELLED, t.negotiation(), DAVE));
  }

  @Test
  void cancellingAFinalizedNegotiationTellsEveryoneStillIn() {
    Negotiation n = start().inviting(BOB).startedBy(ALICE, ids);
    Negotiation finalized = accept(n, BOB).negotiation();
    Transition t = finalized.cancel(ALICE, null, inHours(2));

    assertThat(after(finalized, t)).containsExactly(notice(CANCELLED, t.negotiation(), BOB));
  }

  @Test
  void anExpiryTellsEveryParticipantStillInIncludingTheOrganizer() {
    Negotiation n = decline(group(), BOB).negotiation();
    Transition t = n.expire(n.expiresAt());

    List<Notice> expected =
        List.of(
            notice(EXPIRED, t.negotiation(), ALICE),
            notice(EXPIRED, t.negotiation(), CAROL),
            notice(EXPIRED, t.negotiation(), DAVE));
    assertThat(after(n, t)).isEqualTo(expected);
    assertThat(Notices.ofExpiry(t.negotiation())).isEqualTo(expected);
  }

  @Test
  void ofExpiryRefusesANegotiationThatDidNotExpire() {
    Negotiation n = group();

    assertThatThrownBy(() -> Notices.ofExpiry(n)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aLeaveThatLeavesItOpenTellsTheOrganizerAsADeclineWould() {
    Negotiation n = group();
    Transition t = only(Departure.of(n, CAROL, inHours(2), ids));

    assertThat(t.negotiation().state()).isEqualTo(NegotiationState.ACTIVE);
    assertThat(after(n, t)).containsExactly(notice(REPLIED, t.negotiation(), ALICE));
  }

  @Test
  void aLeaveThatFinalizesTellsTheOrganizerAndEveryEventOwner() {
    Negotiation n = accept(decline(group(), DAVE).negotiation(), CAROL).negotiation();
    Transition t = only(Departure.of(n, BOB, inHours(2), ids));

    assertThat(t.negotiation().state()).isEqualTo(NegotiationState.FINALIZED);
    assertThat(after(n, t))
        .containsExactly(
            notice(REPLIED, t.negotiation(), ALICE),
            notice(FINALIZED, t.negotiation(), ALICE),
            notice(FINALIZED, t.negotiation(), CAROL));
  }

  @Test
  void aLeaveThatCancelsTellsTheOrganizerBothThings() {
    Negotiation n = start().inviting(BOB).startedBy(ALICE, ids);
    Transition t = only(Departure.of(n, BOB, inHours(2), ids));

    assertThat(after(n, t))
        .containsExactly(
            notice(REPLIED, t.negotiation(), ALICE), notice(CANCELLED, t.negotiation(), ALICE));
  }

  @Test
  void anOwnerDeletedCancelTellsEveryParticipantStillInButTheOwner() {
    Negotiation n = decline(group(), CAROL).negotiation();
    Transition t = only(Departure.of(n, ALICE, inHours(2), ids));

    assertThat(t.negotiation().cancelReason()).contains(CancelReason.OWNER_DELETED);
    assertThat(after(n, t))
        .containsExactly(
            notice(CANCELLED, t.negotiation(), BOB), notice(CANCELLED, t.negotiation(), DAVE));
  }

  @Test
  void losingADeletedAccountsBlobsFromAFinishedNegotiationTellsNoOne() {
    Negotiation finalized = accept(start().inviting(BOB).startedBy(ALICE, ids), BOB).negotiation();
    Transition t = only(Departure.of(finalized, ALICE, inHours(2), ids));

    assertThat(t.result()).isEqualTo(new TransitionResult.Scrubbed());
    assertThat(after(finalized, t)).isEmpty();
  }

  @Test
  void theEndOfADraftIsToldToNoInvitee() {
    Negotiation draft = start().inviting(BOB, CAROL).draft().startedBy(ALICE, ids);

    assertThat(after(draft, draft.cancel(ALICE, null, inHours(1)))).isEmpty();
    assertThat(after(draft, only(Departure.of(draft, ALICE, inHours(1), ids)))).isEmpty();
    assertThat(after(draft, draft.expire(draft.expiresAt())))
        .containsExactly(notice(EXPIRED, draft.expire(draft.expiresAt()).negotiation(), ALICE));
  }

  private static Transition only(List<Transition> steps) {
    assertThat(steps).hasSize(1);
    return steps.get(0);
  }

  @Test
  void aNoticeCarriesIdsOnly() {
    assertThat(Notice.class.getRecordComponents())
        .extracting(c -> c.getType().getSimpleName())
        .containsExactly("NotificationKind", "NegotiationId", "long", "UserId");
    assertThatThrownBy(() -> new Notice(INVITED, group().id(), 0, BOB))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
