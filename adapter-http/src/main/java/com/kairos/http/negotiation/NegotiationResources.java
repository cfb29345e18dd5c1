package com.kairos.http.negotiation;

import com.kairos.domain.negotiation.Negotiation;

/**
 * The negotiation resource for other features of the API (the account export): exactly what {@code
 * GET /negotiations/{id}} writes as {@code data}, from the one mapping.
 */
public final class NegotiationResources {
  private NegotiationResources() {}

  /** {@code negotiation} as the API writes it; serialize it with {@code Json.mapper()}. */
  public static Object of(Negotiation negotiation) {
    return NegotiationJson.Resource.of(negotiation);
  }
}
