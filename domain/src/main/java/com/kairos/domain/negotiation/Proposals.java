package com.kairos.domain.negotiation;

import com.kairos.domain.common.IdGenerator;
import com.kairos.domain.common.SlotId;
import com.kairos.domain.common.UserId;
import com.kairos.domain.common.ValidationFailure;
import com.kairos.domain.common.ValidationFailure.Reason;
import com.kairos.domain.common.VenueId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the options a client proposes (at the start or in a counter) into options on the table: ids
 * assigned where the client named none, each id used once per negotiation, slots in the future.
 */
final class Proposals {
  private Proposals() {}

  /** The proposed slots, in proposal order; {@code taken} gains their ids. */
  static List<ProposedSlot> slots(
      List<SlotProposal> proposals,
      String field,
      Set<SlotId> taken,
      UserId by,
      int round,
      Instant now,
      IdGenerator ids) {
    List<ProposedSlot> result = new ArrayList<>();
    for (int i = 0; i < proposals.size(); i++) {
      SlotProposal p = proposals.get(i);
      String path = field + "[" + i + "]";
      SlotId slotId = p.id() != null ? p.id() : new SlotId(ids.newId());
      if (!taken.add(slotId)) {
        throw new ValidationFailure(
            path + ".id", Reason.DUPLICATE_OPTION, "this id is already used");
      }
      try {
        result.add(p.toSlot(slotId, by, round, now));
      } catch (ValidationFailure f) {
        throw f.under(path);
      }
    }
    return result;
  }

  /** The proposed venues, in proposal order; {@code taken} gains their ids. */
  static List<ProposedVenue> venues(
      List<VenueProposal> proposals,
      String field,
      Set<VenueId> taken,
      UserId by,
      int round,
      IdGenerator ids) {
    List<ProposedVenue> result = new ArrayList<>();
    for (int i = 0; i < proposals.size(); i++) {
      VenueProposal p = proposals.get(i);
      VenueId venueId = p.id() != null ? p.id() : new VenueId(ids.newId());
      if (!taken.add(venueId)) {
        throw new ValidationFailure(
            field + "[" + i + "].id", Reason.DUPLICATE_OPTION, "this id is already used");
      }
      result.add(p.toVenue(venueId, by, round));
    }
    return result;
  }

  static Set<SlotId> slotIds(List<ProposedSlot> slots) {
    Set<SlotId> result = new LinkedHashSet<>();
    slots.forEach(s -> result.add(s.id()));
    return result;
  }

  static Set<VenueId> venueIds(List<ProposedVenue> venues) {
    Set<VenueId> result = new LinkedHashSet<>();
    venues.forEach(v -> result.add(v.id()));
    return result;
  }

  static <T> Set<T> union(Set<T> a, Set<T> b) {
    Set<T> result = new LinkedHashSet<>(a);
    result.addAll(b);
    return result;
  }
}
