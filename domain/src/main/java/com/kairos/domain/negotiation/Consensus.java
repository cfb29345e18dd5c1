package com.kairos.domain.negotiation;

import com.kairos.domain.common.SlotId;
import com.kairos.domain.common.VenueId;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The consensus rule of domain.md, applied after every reply. Pure: it reads the participants and
 * options and says what the negotiation becomes.
 */
public final class Consensus {
  private Consensus() {}

  /** What the rule decides; sealed, so code over it is checked against every case. */
  public sealed interface Decision {}

  /** Fewer than two participants are left. */
  public record AllDeclined() implements Decision {}

  /** Everyone left agrees; the outcome is chosen by the tie-breaks. */
  public record Agreed(Outcome outcome) implements Decision {}

  /** Not everyone agrees yet. */
  public record Open() implements Decision {}

  public static Decision decide(
      List<Participant> participants,
      List<ProposedSlot> slots,
      List<ProposedVenue> venues,
      Instant now) {
    List<Participant> remaining =
        participants.stream().filter(p -> p.status() != ParticipantStatus.DECLINED).toList();
    if (remaining.size() < 2) {
      return new AllDeclined();
    }
    if (!remaining.stream().allMatch(p -> p.status().agrees())) {
      return new Open();
    }
    Set<SlotId> commonSlots = new LinkedHashSet<>(remaining.get(0).acceptedSlotIds());
    Set<VenueId> commonVenues = new LinkedHashSet<>(remaining.get(0).acceptedVenueIds());
    for (Participant p : remaining) {
      commonSlots.retainAll(p.acceptedSlotIds());
      commonVenues.retainAll(p.acceptedVenueIds());
    }
    Optional<ProposedSlot> slot =
        slots.stream()
            .filter(s -> commonSlots.contains(s.id()) && s.isOpenAt(now))
            .min(ProposedSlot.BY_START);
    if (slot.isEmpty()) {
      return new Open();
    }
    if (venues.isEmpty()) {
      return new Agreed(new Outcome(slot.get().id(), null));
    }
    // Venues are kept in proposal order, so the first common one is the lowest round, then
    // position; the explicit comparator makes the tie-break independent of storage order.
    Optional<ProposedVenue> venue =
        venues.stream()
            .filter(v -> commonVenues.contains(v.id()))
            .min(Comparator.comparingInt(ProposedVenue::round).thenComparingInt(venues::indexOf));
    return venue
        .<Decision>map(v -> new Agreed(new Outcome(slot.get().id(), v.id())))
        .orElseGet(Open::new);
  }
}
