package com.kairos.application.port;

import com.kairos.domain.negotiation.NegotiationState;
import com.kairos.domain.negotiation.ParticipantRole;
import java.time.Instant;
import java.util.Set;

/**
 * Filters of a user's negotiation list. {@code states} empty means every state (matched on the
 * state as it reads now, so an unswept expiry counts as cancelled); {@code role}, {@code
 * updatedAfter} and {@code after} may be null.
 */
public record NegotiationQuery(
    Set<NegotiationState> states,
    ParticipantRole role,
    boolean awaitingMe,
    Instant updatedAfter,
    Keyset after) {

  public NegotiationQuery {
    states = states == null ? Set.of() : Set.copyOf(states);
  }

  public NegotiationQuery after(Keyset position) {
    return new NegotiationQuery(states, role, awaitingMe, updatedAfter, position);
  }
}
