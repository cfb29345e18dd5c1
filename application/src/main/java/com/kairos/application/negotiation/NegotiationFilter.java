package com.kairos.application.negotiation;

import com.kairos.domain.common.Names;
import com.kairos.domain.negotiation.NegotiationState;
import com.kairos.domain.negotiation.ParticipantRole;
import java.time.Instant;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The filters of the negotiation list. {@code states} empty means all; {@code role} and {@code
 * updatedAfter} may be null.
 */
public record NegotiationFilter(
    Set<NegotiationState> states, ParticipantRole role, boolean awaitingMe, Instant updatedAfter) {

  public NegotiationFilter {
    states = states == null ? Set.of() : Set.copyOf(states);
  }

  public static NegotiationFilter none() {
    return new NegotiationFilter(Set.of(), null, false, null);
  }

  /** A stable rendering that a cursor is bound to. */
  String binding() {
    return "states="
        + states.stream()
            .sorted(Comparator.naturalOrder())
            .map(Names::lowerCase)
            .collect(Collectors.joining(","))
        + "|role="
        + (role == null ? "" : Names.lowerCase(role))
        + "|awaitingMe="
        + awaitingMe
        + "|updatedAfter="
        + (updatedAfter == null ? "" : updatedAfter.toString());
  }
}
