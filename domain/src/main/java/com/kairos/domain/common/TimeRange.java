package com.kairos.domain.common;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A slot's span: {@code endsAt} after {@code startsAt}, at most 24 hours later. */
public record TimeRange(Instant startsAt, Instant endsAt) {
  public static final Duration MAX_LENGTH = Duration.ofHours(24);

  public TimeRange {
    Objects.requireNonNull(startsAt, "startsAt");
    Objects.requireNonNull(endsAt, "endsAt");
    if (!endsAt.isAfter(startsAt)) {
      throw new ValidationFailure("ends_at", "ends_before_start", "must be after starts_at");
    }
    if (Duration.between(startsAt, endsAt).compareTo(MAX_LENGTH) > 0) {
      throw new ValidationFailure(
          "ends_at", "slot_too_long", "must be at most 24 hours after starts_at");
    }
  }
}
