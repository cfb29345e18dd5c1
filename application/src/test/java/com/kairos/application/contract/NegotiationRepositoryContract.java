package com.kairos.application.contract;

import static com.kairos.domain.testing.Fixtures.ALICE;
import static com.kairos.domain.testing.Fixtures.BOB;
import static com.kairos.domain.testing.Fixtures.CAROL;
import static com.kairos.domain.testing.Fixtures.NOW;
import static com.kairos.domain.testing.Fixtures.blob;
import static com.kairos.domain.testing.Fixtures.inHours;
import static com.kairos.domain.testing.StartRequest.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kairos.application.port.ActivityPosition;
import com.kairos.application.port.Keyset;
import com.kairos.application.port.NegotiationQuery;
import com.kairos.domain.common.AgentMode;
import com.kairos.domain.common.ConcurrentModification;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.ReplyId;
import com.kairos.domain.common.TimeZoneId;
import com.kairos.domain.common.UserId;
import com.kairos.domain.negotiation.Activity;
import com.kairos.domain.negotiation.CancelReason;
import com.kairos.domain.negotiation.Departure;
import com.kairos.domain.negotiation.Negotiation;
import com.kairos.domain.negotiation.NegotiationAction;
import com.kairos.domain.negotiation.NegotiationState;
import com.kairos.domain.negotiation.NegotiationSummary;
import com.kairos.domain.negotiation.ParticipantRole;
import com.kairos.domain.negotiation.ParticipantStatus;
import com.kairos.domain.negotiation.Reply;
import com.kairos.domain.negotiation.ReplyCommand;
import com.kairos.domain.negotiation.SlotProposal;
import com.kairos.domain.negotiation.StartCommand;
import com.kairos.domain.negotiation.Transition;
import com.kairos.domain.negotiation.VenueProposal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every implementation of the negotiation ports (store, history, queries, sweep) must do. */
public abstract class NegotiationRepositoryContract extends ContractTest {

  private Negotiation insert(StartCommand command, UserId owner, Instant at) {
    Transition t = Negotiation.start(command, owner, at, ids);
    run(() -> ports.negotiations().insert(t.negotiation(), t.activity()));
    return t.negotiation();
  }

  private Negotiation apply(Transition t) {
    run(() -> ports.negotiations().update(t.negotiation(), t.activity()));
    return t.negotiation();
  }

  private Negotiation load(NegotiationId id) {
    return tx(() -> ports.negotiations().findById(id).orElseThrow());
  }

  private static ReplyCommand accept(Negotiation n, ReplyId replyId) {
    return new ReplyCommand(n.id(), new Reply.Accept(null, null), replyId, null, null, null);
  }

  private List<NegotiationId> list(UserId who, NegotiationQuery q, Instant now, int limit) {
    return tx(() -> ports.queries().listFor(who, q, now, limit)).stream()
        .map(NegotiationSummary::id)
        .toList();
  }

  private static NegotiationQuery all() {
    return new NegotiationQuery(Set.of(), null, false, null, null);
  }

  @Test
  void aStoredNegotiationReadsBackEqualInEveryField() {
    StartCommand command =
        start()
            .inviting(BOB, CAROL)
            .slotIn(new TimeZoneId("Europe/Paris"), inHours(30), inHours(32))
            .slotAt(inHours(26))
            .venue(new VenueProposal(null, "Café Été", "places/123", 48.85, 2.35))
            .venue(new VenueProposal(null, null, null, null, null))
            .agentMode(AgentMode.ASSISTED)
            .blobVersion(2)
            .build();
    Negotiation n = insert(command, ALICE, NOW);
    assertThat(load(n.id())).isEqualTo(n);
    assertThat(tx(() -> ports.negotiations().findByIdForUpdate(n.id()))).contains(n);
    assertThat(tx(() -> ports.negotiations().findById(new NegotiationId(UUID.randomUUID()))))
        .isEmpty();
  }

  @Test
  void everyChangeOfAReplyRoundTrips() {
    Negotiation n =
        insert(
            start()
                .inviting(BOB, CAROL)
                .venue(new VenueProposal(null, "A", null, null, null))
                .build(),
            ALICE,
            NOW);
    Instant t1 = NOW.plusSeconds(60);
    Negotiation countered =
        apply(
            n.reply(
                BOB,
                new ReplyCommand(
                    n.id(),
                    new Reply.Counter(
                        List.of(new SlotProposal(null, inHours(50), null, 30, null)),
                        List.of(new VenueProposal(null, "B", null, 1.5, -2.5)),
                        null,
                        null,
                        blob("counter")),
                    new ReplyId(UUID.randomUUID()),
                    1L,
                    blob("bob's note"),
                    AgentMode.AUTONOMOUS),
                t1,
                ids));
    assertThat(load(n.id())).isEqualTo(countered);
    Negotiation accepted = apply(countered.reply(ALICE, accept(countered, null), t1, ids));
    Negotiation finalized = apply(accepted.reply(CAROL, accept(accepted, null), t1, ids));
    assertThat(finalized.state()).isEqualTo(NegotiationState.FINALIZED);
    assertThat(load(n.id())).isEqualTo(finalized);
    Negotiation cancelled = apply(finalized.cancel(ALICE, null, t1.plusSeconds(1)));
    assertThat(load(n.id())).isEqualTo(cancelled);
  }

  @Test
  void aTakenIdIsALostRace() {
    Negotiation n = insert(start().build(), ALICE, NOW);
    Transition again = Negotiation.start(start().id(n.id()).inviting(ALICE).build(), BOB, NOW, ids);
    assertThatThrownBy(
            () -> run(() -> ports.negotiations().insert(again.negotiation(), again.activity())))
        .isInstanceOf(ConcurrentModification.class);
    assertThat(load(n.id())).isEqualTo(n);
  }

  @Test
  void anUpdateFromAMovedVersionIsALostRace() {
    Negotiation n = insert(start().inviting(BOB, CAROL).build(), ALICE, NOW);
    Transition first = n.reply(BOB, accept(n, null), NOW, ids);
    Transition second = n.reply(CAROL, accept(n, null), NOW, ids);
    apply(first);
    assertThatThrownBy(() -> apply(second)).isInstanceOf(ConcurrentModification.class);
    assertThat(load(n.id())).isEqualTo(first.negotiation());
  }

  @Test
  void repliesAreRememberedPerActorAndHistoryIsKeptInOrder() {
    Negotiation n = insert(start().inviting(BOB, CAROL).build(), ALICE, NOW);
    ReplyId replyId = new ReplyId(UUID.randomUUID());
    Negotiation after = apply(n.reply(BOB, accept(n, replyId), NOW.plusSeconds(5), ids));
    assertThat(tx(() -> ports.negotiations().replyRecorded(n.id(), BOB, replyId))).isTrue();
    assertThat(tx(() -> ports.negotiations().replyRecorded(n.id(), CAROL, replyId))).isFalse();
    assertThat(
            tx(
                () ->
                    ports
                        .negotiations()
                        .replyRecorded(n.id(), BOB, new ReplyId(UUID.randomUUID()))))
        .isFalse();
    assertThat(tx(() -> ports.history().history(n.id())))
        .containsExactly(
            new Activity(
                n.id(),
                ALICE,
                NegotiationAction.START,
                null,
                NegotiationState.ACTIVE,
                1,
                NOW,
                null,
                n.agentMode(),
                List.of(n.slots().get(0).id()),
                List.of()),
            new Activity(
                n.id(),
                BOB,
                NegotiationAction.ACCEPT,
                NegotiationState.ACTIVE,
                NegotiationState.ACTIVE,
                2,
                after.updatedAt(),
                replyId,
                null));
  }

  @Test
  void listsShowWhatTheUserMaySeeNewestFirstWithSummaries() {
    Negotiation first = insert(start().inviting(BOB).build(), ALICE, NOW);
    Negotiation draft = insert(start().inviting(BOB).draft().build(), ALICE, NOW.plusSeconds(1));
    Negotiation group = insert(start().inviting(BOB, CAROL).build(), ALICE, NOW.plusSeconds(2));
    insert(start().inviting(CAROL).build(), ALICE, NOW.plusSeconds(3));

    assertThat(list(BOB, all(), NOW, 10)).containsExactly(group.id(), first.id());
    assertThat(list(ALICE, all(), NOW, 10)).hasSize(4).contains(draft.id());
    NegotiationSummary summary = tx(() -> ports.queries().listFor(BOB, all(), NOW, 1)).get(0);
    assertThat(summary).isEqualTo(NegotiationSummary.of(group, BOB));
    assertThat(summary.myStatus()).isEqualTo(ParticipantStatus.PENDING);
    assertThat(summary.participantCount()).isEqualTo(3);
    assertThat(summary.acceptedCount()).isEqualTo(1);
  }

  @Test
  void keysetPagingOrdersTiesByTheLargerIdFirst() {
    for (int i = 0; i < 5; i++) {
      insert(start().inviting(BOB).build(), ALICE, NOW); // identical updated_at
    }
    List<NegotiationId> everything = list(BOB, all(), NOW, 10);
    assertThat(everything).hasSize(5);
    assertThat(everything)
        .isSortedAccordingTo((a, b) -> b.compareTo(a)); // unsigned id order, descending
    Negotiation third = load(everything.get(2));
    NegotiationQuery after = all().after(new Keyset(third.updatedAt(), third.id().value()));
    assertThat(list(BOB, after, NOW, 10)).containsExactlyElementsOf(everything.subList(3, 5));
  }

  @Test
  void filtersByStateRoleAwaitingAndUpdatedAfter() {
    Negotiation mine = insert(start().inviting(BOB).build(), ALICE, NOW);
    Negotiation theirs = insert(start().inviting(ALICE, CAROL).build(), BOB, NOW.plusSeconds(1));
    Negotiation done = insert(start().inviting(BOB).build(), ALICE, NOW.plusSeconds(2));
    apply(done.reply(BOB, accept(done, null), NOW.plusSeconds(3), ids));

    assertThat(
            list(
                ALICE,
                new NegotiationQuery(Set.of(NegotiationState.FINALIZED), null, false, null, null),
                NOW,
                10))
        .containsExactly(done.id());
    assertThat(
            list(
                ALICE,
                new NegotiationQuery(
                    Set.of(NegotiationState.ACTIVE, NegotiationState.FINALIZED),
                    null,
                    false,
                    null,
                    null),
                NOW,
                10))
        .containsExactly(done.id(), theirs.id(), mine.id());
    assertThat(
            list(
                ALICE,
                new NegotiationQuery(Set.of(), ParticipantRole.INVITEE, false, null, null),
                NOW,
                10))
        .containsExactly(theirs.id());
    assertThat(list(ALICE, new NegotiationQuery(Set.of(), null, true, null, null), NOW, 10))
        .containsExactly(theirs.id());
    assertThat(list(ALICE, new NegotiationQuery(Set.of(), null, false, NOW, null), NOW, 10))
        .containsExactly(done.id(), theirs.id());
  }

  @Test
  void anUnsweptExpiryListsAsCancelledAndNotAwaiting() {
    Negotiation n = insert(start().inviting(BOB).expiresAt(inHours(1)).build(), ALICE, NOW);
    Instant later = inHours(2);
    assertThat(
            list(
                BOB,
                new NegotiationQuery(Set.of(NegotiationState.CANCELLED), null, false, null, null),
                later,
                10))
        .containsExactly(n.id());
    assertThat(
            list(
                BOB,
                new NegotiationQuery(Set.of(NegotiationState.ACTIVE), null, false, null, null),
                later,
                10))
        .isEmpty();
    assertThat(list(BOB, new NegotiationQuery(Set.of(), null, true, null, null), later, 10))
        .isEmpty();
    assertThat(list(BOB, new NegotiationQuery(Set.of(), null, true, null, null), NOW, 10))
        .containsExactly(n.id());
  }

  @Test
  void theSweepExpiresDueNegotiationsOnceInBatches() {
    Negotiation a = insert(start().expiresAt(inHours(1)).build(), ALICE, NOW);
    Negotiation b = insert(start().draft().expiresAt(inHours(2)).build(), ALICE, NOW);
    Negotiation c = insert(start().expiresAt(inHours(3)).build(), ALICE, NOW);
    Negotiation later = insert(start().expiresAt(inHours(9)).build(), ALICE, NOW);
    Instant sweepAt = inHours(4);

    assertThat(tx(() -> ports.sweep().expireDue(sweepAt, 2)))
        .containsExactlyInAnyOrder(
            a.expire(sweepAt).negotiation(), b.expire(sweepAt).negotiation());
    assertThat(tx(() -> ports.sweep().expireDue(sweepAt, 2)))
        .containsExactly(c.expire(sweepAt).negotiation());
    assertThat(tx(() -> ports.sweep().expireDue(sweepAt, 2))).isEmpty();

    for (Negotiation n : List.of(a, b, c)) {
      Negotiation swept = load(n.id());
      assertThat(swept).isEqualTo(n.expire(sweepAt).negotiation());
      assertThat(tx(() -> ports.history().history(n.id())))
          .last()
          .isEqualTo(n.expire(sweepAt).activity());
    }
    assertThat(load(later.id())).isEqualTo(later);
    // The swept negotiations moved to the top of their participants' lists.
    assertThat(tx(() -> ports.queries().listFor(ALICE, all(), sweepAt, 4)))
        .extracting(NegotiationSummary::updatedAt)
        .containsExactly(sweepAt, sweepAt, sweepAt, NOW);
  }

  // ------------------------------------------------------------- history, deletion, export

  @Test
  void historyLinesKeepTheOptionsTheyIntroducedAndPageByVersion() {
    Negotiation n =
        insert(
            start()
                .inviting(BOB, CAROL)
                .venue(new VenueProposal(null, "A", null, null, null))
                .build(),
            ALICE,
            NOW);
    Transition counter =
        n.reply(
            BOB,
            new ReplyCommand(
                n.id(),
                new Reply.Counter(
                    List.of(new SlotProposal(null, inHours(50), null, 30, null)),
                    List.of(new VenueProposal(null, "B", null, null, null)),
                    null,
                    null,
                    blob("counter")),
                null,
                null,
                null,
                null),
            NOW.plusSeconds(1),
            ids);
    Negotiation countered = apply(counter);
    Negotiation accepted =
        apply(countered.reply(CAROL, accept(countered, null), NOW.plusSeconds(2), ids));

    List<Activity> all = tx(() -> ports.history().activity(n.id(), 0, 10));
    assertThat(all).extracting(Activity::version).containsExactly(1L, 2L, 3L);
    assertThat(all.get(0).addedSlotIds()).containsExactly(n.slots().get(0).id());
    assertThat(all.get(0).addedVenueIds()).containsExactly(n.venues().get(0).id());
    assertThat(all.get(1)).isEqualTo(counter.activity());
    assertThat(all.get(1).addedSlotIds()).hasSize(1).doesNotContain(n.slots().get(0).id());
    assertThat(all.get(1).addedVenueIds()).hasSize(1);
    assertThat(all.get(2).addedSlotIds()).isEmpty();
    assertThat(tx(() -> ports.history().activity(n.id(), 1, 1)))
        .extracting(Activity::version)
        .containsExactly(2L);
    assertThat(tx(() -> ports.history().activity(n.id(), 3, 10))).isEmpty();
    assertThat(tx(() -> ports.history().history(n.id()))).isEqualTo(all);
    assertThat(accepted.version()).isEqualTo(3);
  }

  @Test
  void aNegotiationWithoutItsBlobsRoundTrips() {
    Negotiation n = insert(start().inviting(BOB, CAROL).build(), ALICE, NOW);
    Negotiation finalized =
        apply(
            apply(n.reply(BOB, accept(n, null), NOW.plusSeconds(1), ids))
                .reply(CAROL, accept(load(n.id()), null), NOW.plusSeconds(2), ids));
    List<Transition> steps = Departure.of(finalized, ALICE, NOW.plusSeconds(3), ids);
    Negotiation scrubbed = apply(steps.get(0));

    assertThat(scrubbed.encryptedPayload()).isEmpty();
    assertThat(load(n.id())).isEqualTo(scrubbed);
    assertThat(tx(() -> ports.history().activity(n.id(), 3, 10)))
        .extracting(Activity::action)
        .containsExactly(NegotiationAction.LEAVE);
  }

  @Test
  void anOwnerDeletedCancelAndALeaveRoundTrip() {
    Negotiation theirs = insert(start().inviting(BOB, CAROL).build(), ALICE, NOW);
    Negotiation left = apply(Departure.of(theirs, BOB, NOW.plusSeconds(1), ids).get(0));
    Negotiation cancelled = apply(Departure.of(left, ALICE, NOW.plusSeconds(2), ids).get(0));

    assertThat(cancelled.cancelReason()).contains(CancelReason.OWNER_DELETED);
    assertThat(load(theirs.id())).isEqualTo(cancelled);
    assertThat(tx(() -> ports.history().history(theirs.id())))
        .extracting(Activity::action)
        .containsExactly(
            NegotiationAction.START, NegotiationAction.LEAVE, NegotiationAction.CANCEL);
  }

  @Test
  void idsInvolvingReachEveryNegotiationOfTheUserDraftsOfOthersIncluded() {
    Negotiation owned = insert(start().inviting(CAROL).draft().build(), BOB, NOW);
    Negotiation invited = insert(start().inviting(BOB).build(), ALICE, NOW);
    Negotiation othersDraft = insert(start().inviting(BOB).draft().build(), ALICE, NOW);
    insert(start().inviting(CAROL).build(), ALICE, NOW);

    assertThat(tx(() -> ports.queries().idsInvolving(BOB)))
        .containsExactlyElementsOf(
            sortedUnsigned(List.of(owned.id(), invited.id(), othersDraft.id())));
    assertThat(tx(() -> ports.queries().idsInvolving(new UserId("nobody")))).isEmpty();
  }

  @Test
  void visibleNegotiationsPageByIdAsStoredWholeWithoutOthersDrafts() {
    List<NegotiationId> visible = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      visible.add(insert(start().inviting(BOB, CAROL).build(), ALICE, NOW).id());
    }
    visible.add(insert(start().inviting(CAROL).draft().build(), BOB, NOW).id());
    insert(start().inviting(BOB).draft().build(), ALICE, NOW); // Alice's draft: not Bob's to see
    insert(start().inviting(CAROL).build(), ALICE, NOW); // Bob takes no part
    List<NegotiationId> expected = sortedUnsigned(visible);

    List<Negotiation> first = tx(() -> ports.queries().visibleTo(BOB, null, 4));
    NegotiationId last = first.get(3).id();
    List<Negotiation> rest = tx(() -> ports.queries().visibleTo(BOB, last, 4));

    assertThat(first).extracting(Negotiation::id).containsExactlyElementsOf(expected.subList(0, 4));
    assertThat(rest).extracting(Negotiation::id).containsExactlyElementsOf(expected.subList(4, 6));
    for (Negotiation n : first) {
      assertThat(n).isEqualTo(load(n.id()));
    }
  }

  @Test
  void linesAUserAuthoredPageByNegotiationThenVersion() {
    Negotiation a = insert(start().inviting(BOB).build(), ALICE, NOW);
    Negotiation b = insert(start().inviting(ALICE, CAROL).build(), BOB, NOW);
    apply(b.reply(ALICE, accept(b, null), NOW.plusSeconds(1), ids));
    Negotiation a2 = apply(a.cancel(ALICE, null, NOW.plusSeconds(2)));

    List<Activity> mine = tx(() -> ports.history().authoredBy(ALICE, null, 10));
    assertThat(mine).hasSize(3).allMatch(l -> ALICE.equals(l.actorId()));
    assertThat(mine)
        .extracting(l -> l.negotiationId().value())
        .isSortedAccordingTo(com.kairos.domain.common.Uuids::compareUnsigned);
    Activity second = mine.get(1);
    assertThat(
            tx(
                () ->
                    ports
                        .history()
                        .authoredBy(
                            ALICE,
                            new ActivityPosition(second.negotiationId(), second.version()),
                            10)))
        .containsExactly(mine.get(2));
    assertThat(tx(() -> ports.history().authoredBy(BOB, null, 10)))
        .extracting(Activity::action)
        .containsExactly(NegotiationAction.START);
    assertThat(a2.version()).isEqualTo(2);
  }

  private static List<NegotiationId> sortedUnsigned(List<NegotiationId> ids) {
    return ids.stream()
        .sorted((x, y) -> com.kairos.domain.common.Uuids.compareUnsigned(x.value(), y.value()))
        .toList();
  }
}
