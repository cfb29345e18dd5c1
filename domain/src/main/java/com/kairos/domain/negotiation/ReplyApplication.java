package com.kairos.domain.negotiation;

import static com.kairos.domain.negotiation.Proposals.union;

import com.kairos.domain.common.IdGenerator;
import com.kairos.domain.common.SlotId;
import com.kairos.domain.common.VenueId;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a participant's accept, decline or counter does to the roster, the options and the payloads,
 * before the consensus rule looks at the result.
 */
final class ReplyApplication {

  /** The parts a reply changes. */
  record Applied(Roster roster, Options options, Payloads payloads) {
    Applied withCounterPayload(Reply.Counter counter) {
      return new Applied(roster, options, payloads.withCounter(counter.counterPayload()));
    }
  }

  private final NegotiationSnapshot current;
  private final Participant me;
  private final ReplyCommand command;
  private final Instant now;
  private final IdGenerator ids;

  private ReplyApplication(
      NegotiationSnapshot current,
      Participant me,
      ReplyCommand command,
      Instant now,
      IdGenerator ids) {
    this.current = current;
    this.me = me;
    this.command = command;
    this.now = now;
    this.ids = ids;
  }

  /**
   * {@code me}'s reply applied to {@code current} (a new revision), then the consensus rule: the
   * state still open, or finalized with its outcome and events.
   */
  static Settlement.Settled settle(
      NegotiationSnapshot current,
      Participant me,
      ReplyCommand command,
      Instant now,
      IdGenerator ids) {
    Applied applied = new ReplyApplication(current, me, command, now, ids).apply(command.reply());
    NegotiationSnapshot replied =
        current.with(
            current.revision().next(me.userId(), command.reply().action(), now),
            applied.roster(),
            applied.options(),
            applied.payloads());
    return Settlement.settle(replied, now, ids);
  }

  private Applied apply(Reply reply) {
    if (reply instanceof Reply.Accept accept) {
      return accept(accept);
    }
    if (reply instanceof Reply.Decline) {
      return decline();
    }
    return counter((Reply.Counter) reply); // the one kind of a sealed type left
  }

  private Applied decline() {
    if (me.role() == ParticipantRole.ORGANIZER) {
      throw new OrganizerCannotDecline(current.lifecycle().state());
    }
    return answered(current.roster(), ParticipantStatus.DECLINED, Set.of(), Set.of(), null);
  }

  private Applied accept(Reply.Accept accept) {
    Options options = current.options();
    Set<SlotId> slots = options.acceptedSlots(accept.slotIds(), "acceptedSlotIds", now, true);
    Set<VenueId> venues = options.acceptedVenues(accept.venueIds(), "acceptedVenueIds");
    return answered(current.roster(), ParticipantStatus.ACCEPTED, slots, venues, null);
  }

  private Applied counter(Reply.Counter counter) {
    Options before = current.options();
    Limits.requireAtMostPerNegotiation(
        before.slots().size() + counter.newSlots().size(), "counterSlots", "slots");
    Limits.requireAtMostPerNegotiation(
        before.venues().size() + counter.newVenues().size(), "counterVenues", "venues");
    int round = before.round() + 1;
    List<ProposedSlot> newSlots =
        Proposals.slots(
            counter.newSlots(),
            "counterSlots",
            new HashSet<>(before.slotIds()),
            me.userId(),
            round,
            now,
            ids);
    List<ProposedVenue> newVenues =
        Proposals.venues(
            counter.newVenues(),
            "counterVenues",
            new HashSet<>(before.venueIds()),
            me.userId(),
            round,
            ids);
    Options after = before.counteredWith(newSlots, newVenues);
    // Leaving both the new and the listed options out means "everything open still suits me".
    Set<SlotId> mySlots =
        counter.newSlots().isEmpty() && counter.slotIds() == null
            ? before.openSlotIds(now)
            : union(
                Proposals.slotIds(newSlots),
                before.listedSlots(counter.slotIds(), "acceptedSlotIds", now));
    Set<VenueId> myVenues =
        counter.newVenues().isEmpty() && counter.venueIds() == null
            ? after.venueIds()
            : union(
                Proposals.venueIds(newVenues),
                before.listedVenues(counter.venueIds(), "acceptedVenueIds"));
    Roster reset = current.roster().resetAllBut(me.userId());
    return answered(reset, ParticipantStatus.COUNTERED, mySlots, myVenues, after)
        .withCounterPayload(counter);
  }

  private Applied answered(
      Roster roster,
      ParticipantStatus status,
      Set<SlotId> slots,
      Set<VenueId> venues,
      Options options) {
    Participant answer = me.answer(status, slots, venues, now, command.encryptedPayload());
    return new Applied(
        roster.with(answer), options == null ? current.options() : options, current.payloads());
  }
}
