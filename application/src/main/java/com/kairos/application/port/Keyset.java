package com.kairos.application.port;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A position in a newest-first listing: items strictly after it have an older {@code updatedAt}, or
 * the same one and a smaller id.
 */
public record Keyset(Instant updatedAt, UUID id) {
  public Keyset {
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(id, "id");
  }
}
