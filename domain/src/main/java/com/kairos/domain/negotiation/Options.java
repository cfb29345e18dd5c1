package com.kairos.domain.negotiation;

import com.kairos.domain.common.SlotId;
import com.kairos.domain.common.UserId;
import com.kairos.domain.common.ValidationFailure;
import com.kairos.domain.common.ValidationFailure.Reason;
import com.kairos.domain.common.VenueId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The options on the table and the counter round that proposed the latest ones. Slots are kept
 * earliest start first (ties: smaller id), venues as proposed; options are never withdrawn, and
 * there is always at least one slot.
 */
public record Options(List<ProposedSlot> slots, List<ProposedVenue> venues, int round) {

  public Options {
    List<ProposedSlot> sorted = new ArrayList<>(slots);
    sorted.sort(ProposedSlot.BY_START);
    slots = List.copyOf(sorted);
    venues = List.copyOf(venues);
    if (slots.isEmpty()) {
      throw new IllegalArgumentException("a negotiation has at least one slot");
    }
    if (round < 0) {
      throw new IllegalArgumentException("the round must not be negative");
    }
  }

  public Optional<ProposedSlot> slot(SlotId id) {
    return slots.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  /**
   * Who wrote the latest counter (and so the negotiation's counter payload): the proposer of the
   * latest round's options, one counter-er per round. Empty before any counter.
   */
  Optional<UserId> latestCounterer() {
    if (round == 0) {
      return Optional.empty();
    }
    return slots.stream()
        .filter(s -> s.round() == round)
        .map(ProposedSlot::proposedBy)
        .findFirst()
        .or(
            () ->
                venues.stream()
                    .filter(v -> v.round() == round)
                    .map(ProposedVenue::proposedBy)
                    .findFirst());
  }

  /** The slots that have not started at {@code now}, earliest first. */
  Set<SlotId> openSlotIds(Instant now) {
    Set<SlotId> open = new LinkedHashSet<>();
    slots.stream().filter(s -> s.isOpenAt(now)).forEach(s -> open.add(s.id()));
    return open;
  }

  Set<SlotId> slotIds() {
    return Proposals.slotIds(slots);
  }

  Set<VenueId> venueIds() {
    return Proposals.venueIds(venues);
  }

  /** The next round's options with {@code newSlots} and {@code newVenues} appended. */
  Options counteredWith(List<ProposedSlot> newSlots, List<ProposedVenue> newVenues) {
    List<ProposedSlot> allSlots = new ArrayList<>(slots);
    allSlots.addAll(newSlots);
    List<ProposedVenue> allVenues = new ArrayList<>(venues);
    allVenues.addAll(newVenues);
    return new Options(allSlots, allVenues, round + 1);
  }

  /**
   * The slots an accept agrees to: all open ones when none are listed (and then at least one must
   * be open when {@code requireOpenSlot}), else the listed ones, each open and of this negotiation.
   */
  Set<SlotId> acceptedSlots(
      List<SlotId> listed, String field, Instant now, boolean requireOpenSlot) {
    if (listed == null) {
      Set<SlotId> open = openSlotIds(now);
      if (requireOpenSlot && open.isEmpty()) {
        throw new ValidationFailure(field, Reason.SLOT_CLOSED, "no proposed slot is still open");
      }
      return open;
    }
    if (listed.isEmpty()) {
      throw new ValidationFailure(field, Reason.EMPTY_SELECTION, "must name at least one slot");
    }
    return listedSlots(listed, field, now);
  }

  /** The listed slots (none when null), each checked to be open and of this negotiation. */
  Set<SlotId> listedSlots(List<SlotId> listed, String field, Instant now) {
    if (listed == null) {
      return Set.of();
    }
    Set<SlotId> result = new LinkedHashSet<>();
    for (int i = 0; i < listed.size(); i++) {
      SlotId slotId = listed.get(i);
      String path = field + "[" + i + "]";
      ProposedSlot slot =
          slot(slotId)
              .orElseThrow(
                  () ->
                      new ValidationFailure(
                          path, Reason.UNKNOWN_OPTION, "is not a slot of this negotiation"));
      if (!slot.isOpenAt(now)) {
        throw new ValidationFailure(path, Reason.SLOT_CLOSED, "this slot has already started");
      }
      result.add(slotId);
    }
    return result;
  }

  /** The venues an accept agrees to: all when none are listed, else at least one listed. */
  Set<VenueId> acceptedVenues(List<VenueId> listed, String field) {
    if (listed == null) {
      return venueIds();
    }
    Set<VenueId> result = listedVenues(listed, field);
    if (result.isEmpty() && !venues.isEmpty()) {
      throw new ValidationFailure(field, Reason.EMPTY_SELECTION, "must name at least one venue");
    }
    return result;
  }

  /** The listed venues (none when null), each checked to be of this negotiation. */
  Set<VenueId> listedVenues(List<VenueId> listed, String field) {
    if (listed == null) {
      return Set.of();
    }
    Set<VenueId> result = new LinkedHashSet<>();
    for (int i = 0; i < listed.size(); i++) {
      VenueId venueId = listed.get(i);
      if (venues.stream().noneMatch(v -> v.id().equals(venueId))) {
        throw new ValidationFailure(
            field + "[" + i + "]", Reason.UNKNOWN_OPTION, "is not a venue of this negotiation");
      }
      result.add(venueId);
    }
    return result;
  }
}
