package com.kairos.domain.negotiation;

import static com.kairos.domain.testing.Fixtures.ALICE;
import static com.kairos.domain.testing.Fixtures.BOB;
import static com.kairos.domain.testing.Fixtures.CAROL;
import static com.kairos.domain.testing.Fixtures.NOW;
import static com.kairos.domain.testing.Fixtures.blob;
import static com.kairos.domain.testing.Fixtures.inHours;
import static com.kairos.domain.testing.Refusals.assertRefused;
import static com.kairos.domain.testing.StartRequest.start;
import static org.assertj.core.api.Assertions.assertThat;

import com.kairos.domain.common.AgentMode;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.SlotId;
import com.kairos.domain.common.UserId;
import com.kairos.domain.common.ValidationFailure.Reason;
import com.kairos.domain.common.VenueId;
import com.kairos.domain.testing.Fixtures;
import com.kairos.domain.testing.SequentialIds;
import com.kairos.domain.testing.StartRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Every creation limit of domain.md and api.md, at and beyond its boundary. */
class StartValidationTest {
  private final SequentialIds ids = new SequentialIds(2);

  private static List<UserId> users(int count) {
    List<UserId> result = new ArrayList<>();
    IntStream.rangeClosed(1, count).forEach(i -> result.add(Fixtures.user(i)));
    return result;
  }

  @Test
  void startDefaultsToActiveManualSevenDaysVersionOne() {
    Negotiation n = start().startedBy(ALICE, ids);
    assertThat(n.state()).isEqualTo(NegotiationState.ACTIVE);
    assertThat(n.agentMode()).isEqualTo(AgentMode.MANUAL);
    assertThat(n.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
    assertThat(n.version()).isEqualTo(1);
    assertThat(n.agentRound()).isZero();
    assertThat(n.lastAction()).isEqualTo(NegotiationAction.START);
    assertThat(n.lastActorId()).contains(ALICE);
    assertThat(n.blobVersion().value()).isEqualTo(1);
    assertThat(n.activatedAt()).contains(NOW);
    assertThat(n.slots().get(0).endsAt()).isEqualTo(inHours(25));
  }

  @Test
  void startAsDraftStaysUnsent() {
    Negotiation n = start().draft().startedBy(ALICE, ids);
    assertThat(n.state()).isEqualTo(NegotiationState.DRAFT);
    assertThat(n.activatedAt()).isEmpty();
  }

  @Test
  void theOwnerMayAppearAmongParticipantsAndIsIgnored() {
    Negotiation n = start().inviting(ALICE, BOB).startedBy(ALICE, ids);
    assertThat(n.participants()).extracting(Participant::userId).containsExactly(ALICE, BOB);
  }

  @Test
  void duplicateParticipantsAreRefused() {
    assertRefused(
        () -> start().inviting(BOB, CAROL, BOB).build(),
        "participantIds[2]",
        Reason.DUPLICATE_PARTICIPANT);
  }

  @Test
  void onlyTheOwnerIsNoInvitee() {
    assertRefused(
        () -> start().inviting(ALICE).startedBy(ALICE, ids), "participantIds", Reason.NO_INVITEES);
  }

  @Test
  void fortyNineInviteesAreAllowedAndFiftyAreTooMany() {
    assertThat(start().inviting(users(49)).startedBy(ALICE, ids).participantCount()).isEqualTo(50);
    List<UserId> fiftyWithOwner = new ArrayList<>(users(49));
    fiftyWithOwner.add(ALICE);
    assertThat(start().inviting(fiftyWithOwner).startedBy(ALICE, ids).participantCount())
        .isEqualTo(50);
    assertRefused(
        () -> start().inviting(users(50)).startedBy(ALICE, ids),
        "participantIds",
        Reason.TOO_MANY_PARTICIPANTS);
    assertRefused(
        () -> start().inviting(users(51)).build(), "participantIds", Reason.TOO_MANY_PARTICIPANTS);
  }

  @Test
  void tenSlotsPerRequestAtMost() {
    StartRequest ten = start();
    IntStream.range(0, 10).forEach(i -> ten.slotAt(inHours(24 + i)));
    assertThat(ten.startedBy(ALICE, ids).slots()).hasSize(10);
    StartRequest eleven = start();
    IntStream.range(0, 11).forEach(i -> eleven.slotAt(inHours(24 + i)));
    assertRefused(eleven::build, "proposedSlots", Reason.TOO_MANY_OPTIONS);
  }

  @Test
  void tenVenuesPerRequestAtMost() {
    StartRequest eleven = start();
    IntStream.range(0, 11)
        .forEach(i -> eleven.venue(new VenueProposal(null, "v" + i, null, null, null)));
    assertRefused(eleven::build, "proposedVenues", Reason.TOO_MANY_OPTIONS);
  }

  @Test
  void slotsMustStartInTheFuture() {
    assertRefused(
        () -> start().slotAt(inHours(24)).slotAt(NOW).startedBy(ALICE, ids),
        "proposedSlots[1].startsAt",
        Reason.STARTS_IN_PAST);
  }

  @Test
  void slotsMustEndAfterTheyStartAndWithinADay() {
    assertRefused(
        () ->
            start()
                .slot(new SlotProposal(null, inHours(24), inHours(24), null, null))
                .startedBy(ALICE, ids),
        "proposedSlots[0].endsAt",
        Reason.ENDS_BEFORE_START);
    assertRefused(
        () ->
            start()
                .slot(new SlotProposal(null, inHours(24), inHours(49), null, null))
                .startedBy(ALICE, ids),
        "proposedSlots[0].endsAt",
        Reason.SLOT_TOO_LONG);
    assertThat(
            start()
                .slot(new SlotProposal(null, inHours(24), inHours(48), null, null))
                .startedBy(ALICE, ids)
                .slots()
                .get(0)
                .endsAt())
        .isEqualTo(inHours(48));
  }

  @Test
  void durationIsFiveMinutesToADayAndExcludesAnEnd() {
    assertRefused(
        () -> new SlotProposal(null, inHours(24), null, 4, null),
        "durationMinutes",
        Reason.OUT_OF_RANGE);
    assertRefused(
        () -> new SlotProposal(null, inHours(24), null, 1441, null),
        "durationMinutes",
        Reason.OUT_OF_RANGE);
    assertRefused(
        () -> new SlotProposal(null, inHours(24), inHours(25), 60, null),
        "durationMinutes",
        Reason.CONFLICTING_FIELDS);
    assertThat(new SlotProposal(null, inHours(24), null, 90, null).range().endsAt())
        .isEqualTo(inHours(24).plus(Duration.ofMinutes(90)));
  }

  @Test
  void expiryMustBeFutureAndWithinNinetyDays() {
    assertRefused(
        () -> start().expiresAt(NOW).startedBy(ALICE, ids), "expiresAt", Reason.EXPIRES_IN_PAST);
    assertRefused(
        () -> start().expiresAt(NOW.plus(Duration.ofDays(90)).plusSeconds(1)).startedBy(ALICE, ids),
        "expiresAt",
        Reason.EXPIRES_TOO_FAR);
    assertThat(start().expiresAt(NOW.plus(Duration.ofDays(90))).startedBy(ALICE, ids).expiresAt())
        .isEqualTo(NOW.plus(Duration.ofDays(90)));
  }

  @Test
  void clientIdsMustBeVersionFour() {
    UUID v1 = UUID.fromString("c232ab00-9414-11ec-b3c8-9f6bdeced846");
    assertRefused(() -> start().id(new NegotiationId(v1)).build(), "id", Reason.INVALID_UUID);
    assertRefused(
        () -> new SlotProposal(new SlotId(v1), inHours(24), null, null, null),
        "id",
        Reason.INVALID_UUID);
    assertRefused(
        () -> new VenueProposal(new VenueId(v1), null, null, null, null),
        "id",
        Reason.INVALID_UUID);
  }

  @Test
  void slotIdsMustBeUniqueWithinANegotiation() {
    SlotId same = new SlotId(UUID.randomUUID());
    assertRefused(
        () -> start().slot(same, inHours(24)).slot(same, inHours(48)).startedBy(ALICE, ids),
        "proposedSlots[1].id",
        Reason.DUPLICATE_OPTION);
  }

  @Test
  void venueFieldsAreBounded() {
    assertRefused(
        () -> new VenueProposal(null, "", null, null, null), "name", Reason.INVALID_LENGTH);
    assertRefused(
        () -> new VenueProposal(null, "x".repeat(201), null, null, null),
        "name",
        Reason.INVALID_LENGTH);
    assertRefused(
        () -> new VenueProposal(null, null, "p".repeat(257), null, null),
        "providerId",
        Reason.INVALID_LENGTH);
    assertRefused(
        () -> new VenueProposal(null, null, null, 10.0, null),
        "longitude",
        Reason.INCOMPLETE_COORDINATES);
    assertRefused(
        () -> new VenueProposal(null, null, null, 90.5, 0.0), "latitude", Reason.OUT_OF_RANGE);
    assertRefused(
        () -> new VenueProposal(null, null, null, 0.0, -180.1), "longitude", Reason.OUT_OF_RANGE);
    VenueProposal edge = new VenueProposal(null, "x".repeat(200), "p".repeat(256), -90.0, 180.0);
    assertThat(edge.latitude()).isEqualTo(-90.0);
  }

  @Test
  void aCounterMayNotTakeANegotiationPastFiftySlots() {
    StartRequest request = start();
    IntStream.range(0, 10).forEach(i -> request.slotAt(inHours(24 + i)));
    Negotiation n = request.startedBy(ALICE, ids);
    for (int round = 0; round < 4; round++) {
      n = n.reply(BOB, counterWithSlots(n, 10, round), inHours(1), ids).negotiation();
    }
    assertThat(n.slots()).hasSize(50);
    Negotiation full = n;
    assertRefused(
        () -> full.reply(BOB, counterWithSlots(full, 1, 9), inHours(1), ids),
        "counterSlots",
        Reason.TOO_MANY_OPTIONS);
  }

  @Test
  void aCounterNeedsOptionsAndACounterPayload() {
    assertRefused(
        () -> new Reply.Counter(List.of(), List.of(), null, null, blob("c")),
        "counterSlots",
        Reason.MISSING_COUNTER_OPTIONS);
    assertRefused(
        () ->
            new Reply.Counter(
                List.of(new SlotProposal(null, inHours(30), null, null, null)),
                null,
                null,
                null,
                null),
        "counterPayload",
        Reason.COUNTER_PAYLOAD_REQUIRED);
  }

  @Test
  void onlyACounterCarriesACounterPayloadOrNewOptions() {
    assertRefused(
        () -> Reply.of(NegotiationAction.ACCEPT, null, null, null, null, blob("c")),
        "counterPayload",
        Reason.COUNTER_PAYLOAD_NOT_ALLOWED);
    assertRefused(
        () -> Reply.of(NegotiationAction.DECLINE, null, null, List.of(), null, null),
        "counterSlots",
        Reason.COUNTER_OPTIONS_NOT_ALLOWED);
    assertRefused(
        () -> Reply.of(NegotiationAction.DECLINE, List.of(), null, null, null, null),
        "acceptedSlotIds",
        Reason.SELECTION_NOT_ALLOWED);
    assertThat(Reply.of(NegotiationAction.DECLINE, null, null, null, null, null))
        .isEqualTo(new Reply.Decline());
  }

  @Test
  void acceptedIdsMustBelongToTheNegotiation() {
    Negotiation n = start().venue(new VenueId(UUID.randomUUID())).startedBy(ALICE, ids);
    assertRefused(
        () ->
            n.reply(
                BOB,
                new ReplyCommand(
                    n.id(),
                    new Reply.Accept(List.of(new SlotId(UUID.randomUUID())), null),
                    null,
                    null,
                    null,
                    null),
                inHours(1),
                ids),
        "acceptedSlotIds[0]",
        Reason.UNKNOWN_OPTION);
    assertRefused(
        () ->
            n.reply(
                BOB,
                new ReplyCommand(
                    n.id(),
                    new Reply.Accept(null, List.of(new VenueId(UUID.randomUUID()))),
                    null,
                    null,
                    null,
                    null),
                inHours(1),
                ids),
        "acceptedVenueIds[0]",
        Reason.UNKNOWN_OPTION);
    assertRefused(
        () ->
            n.reply(
                BOB,
                new ReplyCommand(n.id(), new Reply.Accept(null, List.of()), null, null, null, null),
                inHours(1),
                ids),
        "acceptedVenueIds",
        Reason.EMPTY_SELECTION);
  }

  @Test
  void aStaleExpectedVersionChangesNothing() {
    Negotiation n = start().inviting(BOB, CAROL).startedBy(ALICE, ids);
    ReplyCommand stale =
        new ReplyCommand(n.id(), new Reply.Accept(null, null), null, 7L, null, null);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> n.reply(BOB, stale, inHours(1), ids))
        .isInstanceOfSatisfying(
            StaleVersion.class,
            e -> {
              assertThat(e.currentVersion()).isEqualTo(1);
              assertThat(e.currentState()).isEqualTo(NegotiationState.ACTIVE);
              assertThat(e.requestedAction()).isEqualTo(NegotiationAction.ACCEPT);
            });
    ReplyCommand current =
        new ReplyCommand(n.id(), new Reply.Accept(null, null), null, 1L, null, null);
    assertThat(n.reply(BOB, current, inHours(1), ids).negotiation().version()).isEqualTo(2);
  }

  @Test
  void theFingerprintIgnoresNothingThatWasSent() {
    NegotiationId id = new NegotiationId(UUID.randomUUID());
    String base = start().id(id).build().fingerprint();
    assertThat(start().id(id).build().fingerprint()).isEqualTo(base);
    assertThat(start().id(id).payload(blob("other")).build().fingerprint()).isNotEqualTo(base);
    assertThat(start().id(id).agentMode(AgentMode.MANUAL).build().fingerprint()).isNotEqualTo(base);
    assertThat(start().id(id).inviting(CAROL).build().fingerprint()).isNotEqualTo(base);
  }

  private static ReplyCommand counterWithSlots(Negotiation n, int count, int round) {
    List<SlotProposal> slots = new ArrayList<>();
    IntStream.range(0, count)
        .forEach(
            i ->
                slots.add(new SlotProposal(null, inHours(100 + round * 20 + i), null, null, null)));
    return new ReplyCommand(
        n.id(), new Reply.Counter(slots, null, null, null, blob("c")), null, null, null, null);
  }
}
