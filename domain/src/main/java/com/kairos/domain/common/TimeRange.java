package com.kairos.domain.common;

import com.kairos.domain.common.ValidationFailure.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A slot's span: {@code endsAt} after {@code startsAt}, at most 24 hours later. */
public record TimeRange(Instant startsAt, Instant endsAt) {
  public static final Duration MAX_LENGTH = Duration.ofHours(24);

  public TimeRange {
    Objects.requireNonNull(startsAt, "startsAt");
    Objects.requireNonNull(endsAt, "endsAt");
    requireEndAfterStart(startsAt, endsAt);
    if (Duration.between(startsAt, endsAt).compareTo(MAX_LENGTH) > 0) {
      throw new ValidationFailure(
          "endsAt",
          Reason.SLOT_TOO_LONG,
          "must be at most " + MAX_LENGTH.toHours() + " hours after the start");
    }
  }

  /** The one "ends after it starts" rule, for slots and events; a null end is no end. */
  public static void requireEndAfterStart(Instant startsAt, Instant endsAt) {
    if (endsAt != null && !endsAt.isAfter(startsAt)) {
      throw new ValidationFailure("endsAt", Reason.ENDS_BEFORE_START, "must be after the start");
    }
  }
}
