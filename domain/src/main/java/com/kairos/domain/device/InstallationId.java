package com.kairos.domain.device;

import java.util.Objects;
import java.util.UUID;

/** One installation of the app on one phone, as the app generated it (a version-4 UUID). */
public record InstallationId(UUID value) {
  public InstallationId {
    Objects.requireNonNull(value, "installation id");
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
