package com.kairos.application.negotiation;

import com.kairos.application.port.NegotiationStore;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.NotFound;
import com.kairos.domain.common.ResourceType;
import com.kairos.domain.negotiation.Negotiation;

/** Lookups the negotiation use cases share: a missing negotiation is {@link NotFound}. */
final class Negotiations {
  private Negotiations() {}

  static Negotiation get(NegotiationStore repository, NegotiationId id) {
    return repository.findById(id).orElseThrow(() -> notFound(id));
  }

  static Negotiation lock(NegotiationStore repository, NegotiationId id) {
    return repository.findByIdForUpdate(id).orElseThrow(() -> notFound(id));
  }

  private static NotFound notFound(NegotiationId id) {
    return new NotFound(ResourceType.NEGOTIATION, id.toString());
  }
}
