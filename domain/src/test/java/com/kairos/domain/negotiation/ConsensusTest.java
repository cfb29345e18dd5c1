package com.kairos.domain.negotiation;

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

import com.kairos.domain.common.EncryptedBlob;
import com.kairos.domain.common.IntentCategory;
import com.kairos.domain.common.SlotId;
import com.kairos.domain.common.TimeZoneId;
import com.kairos.domain.common.UserId;
import com.kairos.domain.common.ValidationFailure;
import com.kairos.domain.common.VenueId;
import com.kairos.domain.event.Event;
import com.kairos.domain.event.EventSource;
import com.kairos.domain.event.EventStatus;
import com.kairos.domain.testing.Fixtures;
import com.kairos.domain.testing.SequentialIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The consensus rule of domain.md, scenario by scenario. */
class ConsensusTest {
  private final SequentialIds ids = new SequentialIds(1);
  private final Instant t1 = inHours(1);

  private static SlotId slot(int n) {
    return new SlotId(SequentialIds.nth(900, n));
  }

  private static VenueId venue(int n) {
    return new VenueId(SequentialIds.nth(901, n));
  }

  private Transition accept(
      Negotiation n, UserId who, Instant at, List<SlotId> slots, List<VenueId> venues) {
    return n.reply(
        who,
        new ReplyCommand(n.id(), new Reply.Accept(slots, venues), null, null, null, null),
        at,
        ids);
  }

  private Transition acceptAll(Negotiation n, UserId who, Instant at) {
    return accept(n, who, at, null, null);
  }

  private Transition decline(Negotiation n, UserId who, Instant at) {
    return n.reply(
        who, new ReplyCommand(n.id(), new Reply.Decline(), null, null, null, null), at, ids);
  }

  private Transition counter(
      Negotiation n,
      UserId who,
      Instant at,
      List<SlotProposal> slots,
      List<VenueProposal> venues,
      List<SlotId> slotIds,
      List<VenueId> venueIds) {
    return n.reply(
        who,
        new ReplyCommand(
            n.id(),
            new Reply.Counter(slots, venues, slotIds, venueIds, blob("counter")),
            null,
            null,
            null,
            null),
        at,
        ids);
  }

  private static SlotProposal newSlot(int n, Instant startsAt) {
    return new SlotProposal(slot(n), startsAt, null, null, null);
  }

  private static VenueProposal newVenue(int n) {
    return new VenueProposal(venue(n), null, null, null, null);
  }

  @Test
  void oneToOneAcceptFinalizesWithAnEventForEachParticipant() {
    EncryptedBlob payload = blob("dinner plans");
    Negotiation n =
        start()
            .intent(IntentCategory.DINNER)
            .slotIn(new TimeZoneId("Europe/Paris"), inHours(30), inHours(32))
            .venue(venue(1))
            .payload(payload)
            .blobVersion(3)
            .startedBy(ALICE, ids);

    Transition t = acceptAll(n, BOB, t1);

    assertThat(t.negotiation().state()).isEqualTo(NegotiationState.FINALIZED);
    SlotId slotId = n.slots().get(0).id();
    assertThat(t.negotiation().outcome()).contains(new Outcome(slotId, venue(1)));
    TransitionResult.Finalized finalized = (TransitionResult.Finalized) t.result();
    assertThat(finalized.events()).extracting(Event::ownerId).containsExactly(ALICE, BOB);
    for (Event e : finalized.events()) {
      assertThat(e.negotiationId()).isEqualTo(n.id());
      assertThat(e.source()).isEqualTo(EventSource.NEGOTIATION);
      assertThat(e.status()).isEqualTo(EventStatus.CONFIRMED);
      assertThat(e.startsAt()).isEqualTo(inHours(30));
      assertThat(e.endsAt()).isEqualTo(inHours(32));
      assertThat(e.timezone()).isEqualTo(new TimeZoneId("Europe/Paris"));
      assertThat(e.slotId()).isEqualTo(slotId);
      assertThat(e.venueId()).isEqualTo(venue(1));
      assertThat(e.intentCategory()).isEqualTo(IntentCategory.DINNER);
      assertThat(e.encryptedPayload()).isEqualTo(payload);
      assertThat(e.blobVersion().value()).isEqualTo(3);
      assertThat(e.createdAt()).isEqualTo(t1);
    }
    assertThat(finalized.events().get(0).id()).isNotEqualTo(finalized.events().get(1).id());
  }

  @Test
  void withoutVenuesTheOutcomeHasNoVenue() {
    Negotiation n = start().startedBy(ALICE, ids);
    Transition t = acceptAll(n, BOB, t1);
    assertThat(t.negotiation().outcome().orElseThrow().venueId()).isNull();
  }

  @Test
  void oneToOneDeclineCancelsAsAllDeclined() {
    Negotiation n = start().startedBy(ALICE, ids);
    Transition t = decline(n, BOB, t1);
    assertThat(t.negotiation().state()).isEqualTo(NegotiationState.CANCELLED);
    assertThat(t.negotiation().cancelReason()).contains(CancelReason.ALL_DECLINED);
    assertThat(t.result())
        .isEqualTo(new TransitionResult.Cancelled(CancelReason.ALL_DECLINED, false));
  }

  @Test
  void groupFinalizesWithoutTheDeclinerWhoGetsNoEvent() {
    Negotiation n = start().inviting(BOB, CAROL).startedBy(ALICE, ids);
    n = decline(n, CAROL, t1).negotiation();
    assertThat(n.state()).isEqualTo(NegotiationState.ACTIVE);

    Transition t = acceptAll(n, BOB, t1);

    assertThat(t.negotiation().state()).isEqualTo(NegotiationState.FINALIZED);
    assertThat(((TransitionResult.Finalized) t.result()).events())
        .extracting(Event::ownerId)
        .containsExactly(ALICE, BOB);
  }

  @Test
  void everyInviteeDecliningCancelsAGroup() {
    Negotiation n = start().inviting(BOB, CAROL, DAVE).startedBy(ALICE, ids);
    n = decline(n, BOB, t1).negotiation();
    n = decline(n, CAROL, t1).negotiation();
    assertThat(n.state()).isEqualTo(NegotiationState.ACTIVE);
    n = decline(n, DAVE, t1).negotiation();
    assertThat(n.cancelReason()).contains(CancelReason.ALL_DECLINED);
  }

  @Test
  void partialSlotSubsetsMeetOnTheirIntersection() {
    Negotiation n =
        start()
            .inviting(BOB, CAROL)
            .slot(slot(1), inHours(24))
            .slot(slot(2), inHours(48))
            .slot(slot(3), inHours(72))
            .startedBy(ALICE, ids);
    n = accept(n, BOB, t1, List.of(slot(2), slot(3)), null).negotiation();
    Transition t = accept(n, CAROL, t1, List.of(slot(1), slot(2)), null);
    assertThat(t.negotiation().outcome().orElseThrow().slotId()).isEqualTo(slot(2));
  }

  @Test
  void disjointSlotSubsetsKeepItActive() {
    Negotiation n =
        start()
            .inviting(BOB, CAROL)
            .slot(slot(1), inHours(24))
            .slot(slot(2), inHours(48))
            .startedBy(ALICE, ids);
    n = accept(n, BOB, t1, List.of(slot(1)), null).negotiation();
    Transition t = accept(n, CAROL, t1, List.of(slot(2)), null);
    assertThat(t.negotiation().state()).isEqualTo(NegotiationState.ACTIVE);
    assertThat(t.result()).isEqualTo(new TransitionResult.StillOpen());
  }

  @Test
  void disjointVenueSubsetsKeepItActive() {
    Negotiation n =
        start().inviting(BOB, CAROL).venue(venue(1)).venue(venue(2)).startedBy(ALICE, ids);
    n = accept(n, BOB, t1, null, List.of(venue(1))).negotiation();
    Transition t = accept(n, CAROL, t1, null, List.of(venue(2)));
    assertThat(t.negotiation().state()).isEqualTo(NegotiationState.ACTIVE);
  }

  @Test
  void aCounterWithOnlyVenuesKeepsAllOpenSlotsAndOnlyTheNewVenue() {
    Negotiation n = start().slot(slot(1), inHours(24)).venue(venue(1)).startedBy(ALICE, ids);
    Transition t = counter(n, BOB, t1, null, List.of(newVenue(2)), null, null);
    Participant bob = t.negotiation().participant(BOB).orElseThrow();
    assertThat(bob.status()).isEqualTo(ParticipantStatus.COUNTERED);
    assertThat(bob.acceptedSlotIds()).containsExactly(slot(1));
    assertThat(bob.acceptedVenueIds()).containsExactly(venue(2));
    assertThat(t.negotiation().participant(ALICE).orElseThrow().status())
        .isEqualTo(ParticipantStatus.PENDING);

    Transition done = acceptAll(t.negotiation(), ALICE, t1);
    assertThat(done.negotiation().outcome()).contains(new Outcome(slot(1), venue(2)));
  }

  @Test
  void aCounterWithOnlySlotsKeepsAllVenuesAndOnlyTheNewSlot() {
    Negotiation n = start().slot(slot(1), inHours(24)).venue(venue(1)).startedBy(ALICE, ids);
    Transition t = counter(n, BOB, t1, List.of(newSlot(2, inHours(50))), null, null, null);
    Participant bob = t.negotiation().participant(BOB).orElseThrow();
    assertThat(bob.acceptedSlotIds()).containsExactly(slot(2));
    assertThat(bob.acceptedVenueIds()).containsExactly(venue(1));
    // Alice accepting everything meets Bob on his new slot.
    Transition done = acceptAll(t.negotiation(), ALICE, t1);
    assertThat(done.negotiation().outcome()).contains(new Outcome(slot(2), venue(1)));
  }

  @Test
  void aCounterAddsListedExistingOptionsToTheNewOnes() {
    Negotiation n =
        start().slot(slot(1), inHours(24)).slot(slot(3), inHours(26)).startedBy(ALICE, ids);
    Transition t =
        counter(n, BOB, t1, List.of(newSlot(2, inHours(50))), null, List.of(slot(3)), null);
    assertThat(t.negotiation().participant(BOB).orElseThrow().acceptedSlotIds())
        .containsExactlyInAnyOrder(slot(2), slot(3));
  }

  @Test
  void aCounterResetsOthersAcceptancesButNotDeclines() {
    Negotiation n = start().inviting(BOB, CAROL, DAVE).startedBy(ALICE, ids);
    n = acceptAll(n, BOB, t1).negotiation();
    n = decline(n, DAVE, t1).negotiation();
    Transition t = counter(n, CAROL, t1, List.of(newSlot(5, inHours(40))), null, null, null);
    Negotiation after = t.negotiation();
    for (UserId reset : List.of(ALICE, BOB)) {
      Participant p = after.participant(reset).orElseThrow();
      assertThat(p.status()).isEqualTo(ParticipantStatus.PENDING);
      assertThat(p.acceptedSlotIds()).isEmpty();
      assertThat(p.acceptedVenueIds()).isEmpty();
    }
    assertThat(after.participant(DAVE).orElseThrow().status())
        .isEqualTo(ParticipantStatus.DECLINED);
  }

  @Test
  void aCounterAppendsItsOptionsAsTheNextRound() {
    Negotiation n = start().venue(venue(1)).startedBy(ALICE, ids);
    EncryptedBlob counterBlob = blob("counter");
    Transition t =
        n.reply(
            BOB,
            new ReplyCommand(
                n.id(),
                new Reply.Counter(
                    List.of(newSlot(2, inHours(50))),
                    List.of(newVenue(2)),
                    null,
                    null,
                    counterBlob),
                null,
                null,
                null,
                null),
            t1,
            ids);
    Negotiation after = t.negotiation();
    assertThat(after.agentRound()).isEqualTo(1);
    assertThat(after.counterPayload()).contains(counterBlob);
    ProposedSlot added =
        after.slots().stream().filter(s -> s.id().equals(slot(2))).findFirst().orElseThrow();
    assertThat(added.round()).isEqualTo(1);
    assertThat(added.proposedBy()).isEqualTo(BOB);
    assertThat(after.venues()).extracting(ProposedVenue::id).containsExactly(venue(1), venue(2));
    assertThat(after.venues().get(1).round()).isEqualTo(1);
    // A second counter is round 2.
    Transition again =
        counter(after, ALICE, t1, List.of(newSlot(3, inHours(60))), null, null, null);
    assertThat(again.negotiation().agentRound()).isEqualTo(2);
  }

  @Test
  void closedSlotsAreLeftOutOfAnAcceptOfEverything() {
    Negotiation n =
        start()
            .inviting(BOB, CAROL)
            .slot(slot(1), inHours(2))
            .slot(slot(2), inHours(48))
            .startedBy(ALICE, ids);
    n = acceptAll(n, BOB, t1).negotiation();
    Transition t = acceptAll(n, CAROL, inHours(3));
    assertThat(t.negotiation().participant(CAROL).orElseThrow().acceptedSlotIds())
        .containsExactly(slot(2));
    assertThat(t.negotiation().outcome().orElseThrow().slotId()).isEqualTo(slot(2));
  }

  @Test
  void aCommonSlotThatHasStartedCannotBeTheOutcome() {
    Negotiation n =
        start()
            .inviting(BOB, CAROL)
            .slot(slot(1), inHours(2))
            .slot(slot(2), inHours(48))
            .startedBy(ALICE, ids);
    n = accept(n, BOB, t1, List.of(slot(1)), null).negotiation();
    // Carol's decline would settle it on slot 1, but slot 1 has started by now.
    Transition t = decline(n, CAROL, inHours(3));
    assertThat(t.negotiation().state()).isEqualTo(NegotiationState.ACTIVE);
  }

  @Test
  void acceptingAClosedSlotIsRefused() {
    Negotiation n =
        start().slot(slot(1), inHours(2)).slot(slot(2), inHours(48)).startedBy(ALICE, ids);
    assertThatThrownBy(() -> accept(n, BOB, inHours(3), List.of(slot(1)), null))
        .isInstanceOfSatisfying(
            ValidationFailure.class,
            f -> {
              assertThat(f.field()).isEqualTo("acceptedSlotIds[0]");
              assertThat(f.reason()).isEqualTo(ValidationFailure.Reason.SLOT_CLOSED);
            });
  }

  @Test
  void theEarliestCommonSlotWins() {
    Negotiation n =
        start().slot(slot(1), inHours(72)).slot(slot(2), inHours(24)).startedBy(ALICE, ids);
    Transition t = acceptAll(n, BOB, t1);
    assertThat(t.negotiation().outcome().orElseThrow().slotId()).isEqualTo(slot(2));
  }

  @Test
  void equalStartsAreBrokenByTheSmallerId() {
    SlotId small = new SlotId(UUID.fromString("10000000-0000-4000-8000-000000000000"));
    SlotId large = new SlotId(UUID.fromString("f0000000-0000-4000-8000-000000000000"));
    Negotiation n = start().slot(large, inHours(24)).slot(small, inHours(24)).startedBy(ALICE, ids);
    Transition t = acceptAll(n, BOB, t1);
    assertThat(t.negotiation().outcome().orElseThrow().slotId()).isEqualTo(small);
  }

  @Test
  void theFirstProposedCommonVenueWinsByRoundThenPosition() {
    // Ids are chosen so that id order disagrees with proposal order.
    VenueId first = new VenueId(UUID.fromString("f0000000-0000-4000-8000-000000000001"));
    VenueId second = new VenueId(UUID.fromString("a0000000-0000-4000-8000-000000000002"));
    VenueId later = new VenueId(UUID.fromString("00000000-0000-4000-8000-000000000003"));
    Negotiation n = start().venue(first).venue(second).startedBy(ALICE, ids);
    Transition countered =
        counter(
            n,
            BOB,
            t1,
            null,
            List.of(new VenueProposal(later, null, null, null, null)),
            null,
            List.of(second, first));
    Transition t = acceptAll(countered.negotiation(), ALICE, t1);
    assertThat(t.negotiation().outcome().orElseThrow().venueId()).isEqualTo(first);
  }

  @Test
  void aVenueOfAnEarlierRoundBeatsALaterOne() {
    VenueId original = new VenueId(UUID.fromString("f0000000-0000-4000-8000-000000000001"));
    VenueId countered = new VenueId(UUID.fromString("00000000-0000-4000-8000-000000000002"));
    Negotiation n = start().venue(original).startedBy(ALICE, ids);
    Transition c =
        counter(
            n,
            BOB,
            t1,
            null,
            List.of(new VenueProposal(countered, null, null, null, null)),
            null,
            List.of(original));
    Transition t = acceptAll(c.negotiation(), ALICE, t1);
    assertThat(t.negotiation().outcome().orElseThrow().venueId()).isEqualTo(original);
  }

  @Test
  void participantsMayChangeTheirReplyWhileActive() {
    Negotiation n = start().inviting(BOB, CAROL).startedBy(ALICE, ids);
    n = decline(n, BOB, t1).negotiation();
    n = acceptAll(n, BOB, t1).negotiation();
    assertThat(n.participant(BOB).orElseThrow().status()).isEqualTo(ParticipantStatus.ACCEPTED);
    assertThat(n.state()).isEqualTo(NegotiationState.ACTIVE);
  }

  @Test
  void fiftyParticipantsFinalizeWithFiftyEvents() {
    List<UserId> invitees = new ArrayList<>();
    IntStream.rangeClosed(1, 49).forEach(i -> invitees.add(Fixtures.user(i)));
    Negotiation n = start().inviting(invitees).startedBy(ALICE, ids);
    assertThat(n.participantCount()).isEqualTo(50);
    Transition last = null;
    for (UserId invitee : invitees) {
      assertThat(n.state()).isEqualTo(NegotiationState.ACTIVE);
      last = acceptAll(n, invitee, t1);
      n = last.negotiation();
    }
    assertThat(n.state()).isEqualTo(NegotiationState.FINALIZED);
    assertThat(((TransitionResult.Finalized) last.result()).events()).hasSize(50);
    assertThat(n.version()).isEqualTo(50);
  }

  @Test
  void theOrganizerStartsAcceptingEveryInitialOptionAndInviteesPending() {
    Negotiation n = start().inviting(BOB, CAROL).venue(venue(1)).startedBy(ALICE, ids);
    Participant alice = n.participants().get(0);
    assertThat(alice.role()).isEqualTo(ParticipantRole.ORGANIZER);
    assertThat(alice.status()).isEqualTo(ParticipantStatus.ACCEPTED);
    assertThat(alice.acceptedSlotIds()).containsExactly(n.slots().get(0).id());
    assertThat(alice.acceptedVenueIds()).containsExactly(venue(1));
    assertThat(n.participants().subList(1, 3))
        .allSatisfy(
            p -> {
              assertThat(p.role()).isEqualTo(ParticipantRole.INVITEE);
              assertThat(p.status()).isEqualTo(ParticipantStatus.PENDING);
              assertThat(p.acceptedSlotIds()).isEmpty();
            });
    assertThat(n.participants()).extracting(Participant::userId).containsExactly(ALICE, BOB, CAROL);
  }

  @Test
  void aReplyStoresTheRepliersOwnPayloadAndNeverTheNegotiations() {
    EncryptedBlob proposal = blob("proposal");
    EncryptedBlob note = blob("bob's note");
    Negotiation n = start().inviting(BOB, CAROL).payload(proposal).startedBy(ALICE, ids);
    Transition t =
        n.reply(
            BOB,
            new ReplyCommand(n.id(), new Reply.Accept(null, null), null, null, note, null),
            t1,
            ids);
    assertThat(t.negotiation().encryptedPayload()).contains(proposal);
    assertThat(t.negotiation().participant(BOB).orElseThrow().encryptedPayload()).isEqualTo(note);
    assertThat(t.negotiation().participant(ALICE).orElseThrow().encryptedPayload()).isNull();
  }

  @Test
  void aReplyRecordsWhoDidWhatAndWhen() {
    Negotiation n = start().inviting(BOB, CAROL).startedBy(ALICE, ids);
    Transition t = acceptAll(n, BOB, t1);
    assertThat(t.negotiation().lastActorId()).contains(BOB);
    assertThat(t.negotiation().lastAction()).isEqualTo(NegotiationAction.ACCEPT);
    assertThat(t.negotiation().updatedAt()).isEqualTo(t1);
    assertThat(t.negotiation().participant(BOB).orElseThrow().respondedAt()).isEqualTo(t1);
    assertThat(t.activity())
        .isEqualTo(
            new Activity(
                n.id(),
                BOB,
                NegotiationAction.ACCEPT,
                NegotiationState.ACTIVE,
                NegotiationState.ACTIVE,
                2,
                t1,
                null,
                null));
    assertThat(NOW).isBefore(t1);
  }
}
