package com.kairos.domain.negotiation;

import static com.kairos.domain.testing.Fixtures.ALICE;
import static com.kairos.domain.testing.Fixtures.BOB;
import static com.kairos.domain.testing.Fixtures.CAROL;
import static com.kairos.domain.testing.Fixtures.MALLORY;
import static com.kairos.domain.testing.Fixtures.blob;
import static com.kairos.domain.testing.Fixtures.inHours;
import static com.kairos.domain.testing.StartRequest.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kairos.domain.common.EncryptedBlob;
import com.kairos.domain.common.UserId;
import com.kairos.domain.event.Event;
import com.kairos.domain.testing.SequentialIds;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an account deletion does to each negotiation its user takes part in (accounts.md). */
class DepartureTest {
  private final SequentialIds ids = new SequentialIds(3);
  private final Instant t1 = inHours(1);
  private final Instant t2 = inHours(2);
  private final EncryptedBlob note = blob("a participant's note");

  private Transition reply(Negotiation n, UserId who, Reply reply, EncryptedBlob payload) {
    return n.reply(who, new ReplyCommand(n.id(), reply, null, null, payload, null), t1, ids);
  }

  private Negotiation accepted(Negotiation n, UserId who) {
    return reply(n, who, new Reply.Accept(null, null), note).negotiation();
  }

  private Negotiation declined(Negotiation n, UserId who) {
    return reply(n, who, new Reply.Decline(), note).negotiation();
  }

  private Negotiation countered(Negotiation n, UserId who) {
    return reply(
            n,
            who,
            new Reply.Counter(
                List.of(new SlotProposal(null, inHours(40), null, null, null)),
                List.of(),
                null,
                null,
                blob("counter")),
            note)
        .negotiation();
  }

  private static Transition only(List<Transition> steps) {
    assertThat(steps).hasSize(1);
    return steps.get(0);
  }

  // ------------------------------------------------------------- an invitee leaves

  @Test
  void aPendingInviteeLeavesAGroupWhichStaysActive() {
    Negotiation n = start().inviting(BOB, CAROL).startedBy(ALICE, ids);

    Transition t = only(Departure.of(n, BOB, t2, ids));

    Participant bob = t.negotiation().participant(BOB).orElseThrow();
    assertThat(bob.status()).isEqualTo(ParticipantStatus.DECLINED);
    assertThat(bob.acceptedSlotIds()).isEmpty();
    assertThat(bob.acceptedVenueIds()).isEmpty();
    assertThat(bob.respondedAt()).isEqualTo(t2);
    assertThat(t.negotiation().state()).isEqualTo(NegotiationState.ACTIVE);
    assertThat(t.result()).isEqualTo(new TransitionResult.StillOpen());
    assertThat(t.negotiation().version()).isEqualTo(n.version() + 1);
    assertThat(t.negotiation().lastAction()).isEqualTo(NegotiationAction.LEAVE);
    assertThat(t.activity())
        .isEqualTo(
            new Activity(
                n.id(),
                BOB,
                NegotiationAction.LEAVE,
                NegotiationState.ACTIVE,
                NegotiationState.ACTIVE,
                2,
                t2,
                null,
                null));
  }

  @Test
  void anAcceptedInviteeLeavingLosesTheirAnswerAndTheirBlob() {
    Negotiation n = accepted(start().inviting(BOB, CAROL).startedBy(ALICE, ids), BOB);
    assertThat(n.participant(BOB).orElseThrow().encryptedPayload()).isEqualTo(note);

    Transition t = only(Departure.of(n, BOB, t2, ids));

    Participant bob = t.negotiation().participant(BOB).orElseThrow();
    assertThat(bob.status()).isEqualTo(ParticipantStatus.DECLINED);
    assertThat(bob.acceptedSlotIds()).isEmpty();
    assertThat(bob.encryptedPayload()).isNull();
    assertThat(t.negotiation().encryptedPayload()).isEqualTo(n.encryptedPayload());
  }

  @Test
  void aLeaveThatLeavesOnlyAgreeingParticipantsFinalizesAThreePersonNegotiation() {
    Negotiation n = accepted(start().inviting(BOB, CAROL).startedBy(ALICE, ids), CAROL);

    Transition t = only(Departure.of(n, BOB, t2, ids));

    assertThat(t.negotiation().state()).isEqualTo(NegotiationState.FINALIZED);
    assertThat(t.result()).isInstanceOf(TransitionResult.Finalized.class);
    assertThat(t.result().confirmedEvents())
        .extracting(Event::ownerId)
        .containsExactlyInAnyOrder(ALICE, CAROL);
    assertThat(t.activity().action()).isEqualTo(NegotiationAction.LEAVE);
    assertThat(t.activity().toState()).isEqualTo(NegotiationState.FINALIZED);
    assertThat(t.activity().actorId()).isEqualTo(BOB);
  }

  @Test
  void aLeaveCancelsATwoPersonNegotiationAsAllDeclined() {
    Negotiation n = start().inviting(BOB).startedBy(ALICE, ids);

    Transition t = only(Departure.of(n, BOB, t2, ids));

    assertThat(t.negotiation().state()).isEqualTo(NegotiationState.CANCELLED);
    assertThat(t.negotiation().cancelReason()).contains(CancelReason.ALL_DECLINED);
    assertThat(t.result())
        .isEqualTo(new TransitionResult.Cancelled(CancelReason.ALL_DECLINED, false));
    assertThat(t.activity().action()).isEqualTo(NegotiationAction.LEAVE);
  }

  @Test
  void anInviteeWhoDeclinedLeavesWithTheirBlobGoneAndNothingElseChanged() {
    Negotiation n = declined(start().inviting(BOB, CAROL).startedBy(ALICE, ids), BOB);

    Transition t = only(Departure.of(n, BOB, t2, ids));

    assertThat(t.negotiation().state()).isEqualTo(NegotiationState.ACTIVE);
    assertThat(t.negotiation().participant(BOB).orElseThrow().status())
        .isEqualTo(ParticipantStatus.DECLINED);
    assertThat(t.negotiation().participant(BOB).orElseThrow().encryptedPayload()).isNull();
  }

  @Test
  void theLatestCountererLeavingTakesTheCounterPayloadWithThem() {
    Negotiation n = countered(start().inviting(BOB, CAROL).startedBy(ALICE, ids), BOB);
    assertThat(n.counterPayload()).isPresent();

    Transition t = only(Departure.of(n, BOB, t2, ids));

    assertThat(t.negotiation().counterPayload()).isEmpty();
    // Options are never withdrawn: what they proposed stays on the table.
    assertThat(t.negotiation().slots()).hasSize(2);
    assertThat(t.negotiation().encryptedPayload()).isEqualTo(n.encryptedPayload());
  }

  @Test
  void anEarlierCountererLeavingLeavesTheLatestCounterPayload() {
    Negotiation bobs = countered(start().inviting(BOB, CAROL).startedBy(ALICE, ids), BOB);
    Negotiation carols = countered(bobs, CAROL);

    Transition t = only(Departure.of(carols, BOB, t2, ids));

    assertThat(t.negotiation().counterPayload()).isEqualTo(carols.counterPayload());
  }

  @Test
  void anInviteeOfAFinalizedNegotiationKeepsTheirPlaceButLosesTheirBlob() {
    Negotiation n = accepted(start().inviting(BOB).startedBy(ALICE, ids), BOB);
    assertThat(n.state()).isEqualTo(NegotiationState.FINALIZED);

    Transition t = only(Departure.of(n, BOB, t2, ids));

    assertThat(t.result()).isEqualTo(new TransitionResult.Scrubbed());
    assertThat(t.negotiation().state()).isEqualTo(NegotiationState.FINALIZED);
    assertThat(t.negotiation().outcome()).isEqualTo(n.outcome());
    Participant bob = t.negotiation().participant(BOB).orElseThrow();
    assertThat(bob.status()).isEqualTo(ParticipantStatus.ACCEPTED);
    assertThat(bob.acceptedSlotIds()).isNotEmpty();
    assertThat(bob.encryptedPayload()).isNull();
    assertThat(t.negotiation().encryptedPayload()).isEqualTo(n.encryptedPayload());
    assertThat(t.activity().action()).isEqualTo(NegotiationAction.LEAVE);
    assertThat(t.activity().fromState()).isEqualTo(NegotiationState.FINALIZED);
    assertThat(t.activity().toState()).isEqualTo(NegotiationState.FINALIZED);
  }

  @Test
  void anInviteeWhoWroteNothingInATerminalNegotiationChangesNothing() {
    Negotiation cancelled =
        start().inviting(BOB, CAROL).startedBy(ALICE, ids).cancel(ALICE, null, t1).negotiation();

    assertThat(Departure.of(cancelled, BOB, t2, ids)).isEmpty();
  }

  @Test
  void anInviteeOfSomeoneElsesDraftChangesNothing() {
    Negotiation draft = start().inviting(BOB).draft().startedBy(ALICE, ids);

    assertThat(Departure.of(draft, BOB, t2, ids)).isEmpty();
  }

  // ------------------------------------------------------------- the owner's negotiations

  @Test
  void theOwnersDraftIsCancelledAsOwnerDeletedWithTheirBlobGone() {
    Negotiation draft = start().inviting(BOB).draft().startedBy(ALICE, ids);

    Transition t = only(Departure.of(draft, ALICE, t2, ids));

    assertThat(t.negotiation().state()).isEqualTo(NegotiationState.CANCELLED);
    assertThat(t.negotiation().cancelReason()).contains(CancelReason.OWNER_DELETED);
    assertThat(t.result())
        .isEqualTo(new TransitionResult.Cancelled(CancelReason.OWNER_DELETED, false));
    assertThat(t.negotiation().encryptedPayload()).isEmpty();
    assertThat(t.activity())
        .isEqualTo(
            new Activity(
                draft.id(),
                ALICE,
                NegotiationAction.CANCEL,
                NegotiationState.DRAFT,
                NegotiationState.CANCELLED,
                2,
                t2,
                null,
                null));
  }

  @Test
  void theOwnersActiveNegotiationIsCancelledAsOwnerDeletedKeepingTheOthersAnswers() {
    Negotiation n = countered(start().inviting(BOB, CAROL).startedBy(ALICE, ids), BOB);

    Transition t = only(Departure.of(n, ALICE, t2, ids));

    assertThat(t.negotiation().state()).isEqualTo(NegotiationState.CANCELLED);
    assertThat(t.negotiation().cancelReason()).contains(CancelReason.OWNER_DELETED);
    assertThat(t.negotiation().lastActorId()).contains(ALICE);
    assertThat(t.negotiation().lastAction()).isEqualTo(NegotiationAction.CANCEL);
    assertThat(t.negotiation().encryptedPayload()).isEmpty();
    // Bob wrote the counter and his note: they are his, and stay.
    assertThat(t.negotiation().counterPayload()).isEqualTo(n.counterPayload());
    assertThat(t.negotiation().participant(BOB).orElseThrow().encryptedPayload()).isEqualTo(note);
    assertThat(t.negotiation().participant(BOB).orElseThrow().status())
        .isEqualTo(ParticipantStatus.COUNTERED);
  }

  @Test
  void theOwnersFinalizedNegotiationStaysFinalizedWithoutTheirBlobs() {
    Negotiation active = start().inviting(BOB, CAROL).startedBy(ALICE, ids);
    Negotiation afterOwnersCounter = countered(active, ALICE);
    Negotiation finalized = accepted(accepted(afterOwnersCounter, BOB), CAROL);
    assertThat(finalized.state()).isEqualTo(NegotiationState.FINALIZED);
    assertThat(finalized.counterPayload()).isPresent();

    Transition t = only(Departure.of(finalized, ALICE, t2, ids));

    assertThat(t.result()).isEqualTo(new TransitionResult.Scrubbed());
    assertThat(t.result().voidsEvents()).isFalse();
    assertThat(t.negotiation().state()).isEqualTo(NegotiationState.FINALIZED);
    assertThat(t.negotiation().outcome()).isEqualTo(finalized.outcome());
    assertThat(t.negotiation().encryptedPayload()).isEmpty();
    assertThat(t.negotiation().counterPayload()).isEmpty();
    assertThat(t.negotiation().participant(ALICE).orElseThrow().encryptedPayload()).isNull();
    assertThat(t.negotiation().participant(BOB).orElseThrow().encryptedPayload()).isEqualTo(note);
    assertThat(t.activity().action()).isEqualTo(NegotiationAction.LEAVE);
    assertThat(t.activity().actorId()).isEqualTo(ALICE);
  }

  @Test
  void theOwnersFinalizedNegotiationKeepsACounterPayloadSomeoneElseWrote() {
    Negotiation n = countered(start().inviting(BOB).startedBy(ALICE, ids), BOB);
    Negotiation finalized = accepted(n, ALICE);
    assertThat(finalized.state()).isEqualTo(NegotiationState.FINALIZED);

    Transition t = only(Departure.of(finalized, ALICE, t2, ids));

    assertThat(t.negotiation().encryptedPayload()).isEmpty();
    assertThat(t.negotiation().counterPayload()).isEqualTo(finalized.counterPayload());
  }

  @Test
  void theOwnersCancelledNegotiationLosesItsBlobAndStaysCancelledForItsReason() {
    Negotiation n =
        start().inviting(BOB).startedBy(ALICE, ids).cancel(ALICE, null, t1).negotiation();

    Transition t = only(Departure.of(n, ALICE, t2, ids));

    assertThat(t.negotiation().cancelReason()).contains(CancelReason.OWNER_CANCELLED);
    assertThat(t.negotiation().encryptedPayload()).isEmpty();
    assertThat(t.result()).isEqualTo(new TransitionResult.Scrubbed());
  }

  // ------------------------------------------------------------- expiry and refusals

  @Test
  void anUnsweptExpiryIsWrittenFirstThenTheBlobsGo() {
    Negotiation n = start().inviting(BOB).expiresAt(inHours(1)).startedBy(ALICE, ids);

    List<Transition> steps = Departure.of(n, ALICE, t2, ids);

    assertThat(steps).hasSize(2);
    assertThat(steps.get(0).activity().action()).isEqualTo(NegotiationAction.EXPIRE);
    assertThat(steps.get(0).activity().actorId()).isNull();
    assertThat(steps.get(1).negotiation().cancelReason()).contains(CancelReason.EXPIRED);
    assertThat(steps.get(1).negotiation().encryptedPayload()).isEmpty();
    assertThat(steps.get(1).negotiation().version()).isEqualTo(3);
    assertThat(steps.get(1).activity().action()).isEqualTo(NegotiationAction.LEAVE);
  }

  @Test
  void someoneWhoTakesNoPartCannotDepart() {
    Negotiation n = start().inviting(BOB).startedBy(ALICE, ids);

    assertThatThrownBy(() -> Departure.of(n, MALLORY, t2, ids))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aDepartureLeavesEveryoneElsesAnswersUntouched() {
    Negotiation n = accepted(start().inviting(BOB, CAROL, MALLORY).startedBy(ALICE, ids), CAROL);

    Transition t = only(Departure.of(n, BOB, t2, ids));

    assertThat(t.negotiation().state()).isEqualTo(NegotiationState.ACTIVE);
    for (UserId other : List.of(ALICE, CAROL, MALLORY)) {
      assertThat(t.negotiation().participant(other)).isEqualTo(n.participant(other));
    }
  }
}
