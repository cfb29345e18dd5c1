package com.kairos.domain.common;

import java.util.UUID;

/**
 * Outbound port for server-generated ids (slots, venues and events the client did not name). It
 * lives beside the value objects because the model itself draws ids from it.
 */
@FunctionalInterface
public interface IdGenerator {
  /** A fresh random (version 4) UUID. */
  UUID newId();

  /** The production generator. */
  static IdGenerator random() {
    return UUID::randomUUID;
  }
}
