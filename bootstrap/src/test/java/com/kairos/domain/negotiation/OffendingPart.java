package com.kairos.domain.negotiation;

/** A negotiation part that calls back into the aggregate on purpose, so the layer rule can bite. */
public final class OffendingPart {
  private OffendingPart() {}

  /** Reads a field through the aggregate instead of taking the value it needs. */
  public static long version(Negotiation negotiation) {
    return negotiation.version();
  }
}
