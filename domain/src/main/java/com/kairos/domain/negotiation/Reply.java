package com.kairos.domain.negotiation;

import com.kairos.domain.common.EncryptedBlob;
import com.kairos.domain.common.SlotId;
import com.kairos.domain.common.ValidationFailure;
import com.kairos.domain.common.ValidationFailure.Reason;
import com.kairos.domain.common.VenueId;
import java.util.List;
import java.util.Objects;

/** A participant's answer: accept, decline or counter-propose. */
public sealed interface Reply {

  NegotiationAction action();

  /**
   * Accept some options. A null list means "all open slots" / "all venues"; a given list must name
   * options of this negotiation.
   */
  record Accept(List<SlotId> slotIds, List<VenueId> venueIds) implements Reply {
    public Accept {
      slotIds = slotIds == null ? null : List.copyOf(slotIds);
      venueIds = venueIds == null ? null : List.copyOf(venueIds);
    }

    @Override
    public NegotiationAction action() {
      return NegotiationAction.ACCEPT;
    }
  }

  /** Leave the negotiation (invitees only). */
  record Decline() implements Reply {
    @Override
    public NegotiationAction action() {
      return NegotiationAction.DECLINE;
    }
  }

  /**
   * Propose new options (at least one in all) with a counter blob, optionally listing existing
   * options the counter-er also agrees to.
   */
  record Counter(
      List<SlotProposal> newSlots,
      List<VenueProposal> newVenues,
      List<SlotId> slotIds,
      List<VenueId> venueIds,
      EncryptedBlob counterPayload)
      implements Reply {
    public Counter {
      newSlots = newSlots == null ? List.of() : List.copyOf(newSlots);
      newVenues = newVenues == null ? List.of() : List.copyOf(newVenues);
      slotIds = slotIds == null ? null : List.copyOf(slotIds);
      venueIds = venueIds == null ? null : List.copyOf(venueIds);
      Limits.requireAtMostPerRequest(newSlots.size(), "counterSlots");
      Limits.requireAtMostPerRequest(newVenues.size(), "counterVenues");
      if (newSlots.isEmpty() && newVenues.isEmpty()) {
        throw new ValidationFailure(
            "counterSlots",
            Reason.MISSING_COUNTER_OPTIONS,
            "a counter must propose a slot or venue");
      }
      if (counterPayload == null) {
        throw new ValidationFailure(
            "counterPayload",
            Reason.COUNTER_PAYLOAD_REQUIRED,
            "a counter carries a counter payload");
      }
    }

    @Override
    public NegotiationAction action() {
      return NegotiationAction.COUNTER;
    }
  }

  /**
   * Builds the reply named by {@code action} from the request's fields, refusing fields that do not
   * belong to that action. Null means the client left the field out.
   */
  static Reply of(
      NegotiationAction action,
      List<SlotId> slotIds,
      List<VenueId> venueIds,
      List<SlotProposal> counterSlots,
      List<VenueProposal> counterVenues,
      EncryptedBlob counterPayload) {
    Objects.requireNonNull(action, "action");
    if (action != NegotiationAction.COUNTER) {
      if (counterPayload != null) {
        throw new ValidationFailure(
            "counterPayload", Reason.COUNTER_PAYLOAD_NOT_ALLOWED, "only a counter carries it");
      }
      if (counterSlots != null || counterVenues != null) {
        throw new ValidationFailure(
            counterSlots != null ? "counterSlots" : "counterVenues",
            Reason.COUNTER_OPTIONS_NOT_ALLOWED,
            "only a counter proposes options");
      }
    }
    return switch (action) {
      case ACCEPT -> new Accept(slotIds, venueIds);
      case DECLINE -> {
        if (slotIds != null || venueIds != null) {
          throw new ValidationFailure(
              slotIds != null ? "acceptedSlotIds" : "acceptedVenueIds",
              Reason.SELECTION_NOT_ALLOWED,
              "a decline accepts nothing");
        }
        yield new Decline();
      }
      case COUNTER -> new Counter(counterSlots, counterVenues, slotIds, venueIds, counterPayload);
      // Listed one by one, not as a default: a new action must be placed on one side.
      case START, SEND, CANCEL, EXPIRE, LEAVE ->
          throw new ValidationFailure(
              "action", Reason.INVALID_ENUM, "must be accept, decline or counter");
    };
  }
}
