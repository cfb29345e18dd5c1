package com.kairos.domain.negotiation;

import com.kairos.domain.common.SlotId;
import com.kairos.domain.common.TimeRange;
import com.kairos.domain.common.TimeZoneId;
import com.kairos.domain.common.UserId;
import com.kairos.domain.common.Uuids;
import com.kairos.domain.common.ValidationFailure;
import com.kairos.domain.common.ValidationFailure.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A slot as a client proposes it: an optional id, a start, and either an end or a duration in
 * minutes (default 60), with an optional time zone (default UTC). Field names in failures are
 * relative to the slot; callers place them under the slot's path.
 */
public record SlotProposal(
    SlotId id, Instant startsAt, Instant endsAt, Integer durationMinutes, TimeZoneId timezone) {

  public SlotProposal {
    if (id != null) {
      Uuids.requireV4(id.value(), "id");
    }
    Objects.requireNonNull(startsAt, "startsAt");
    if (endsAt != null && durationMinutes != null) {
      throw new ValidationFailure(
          "durationMinutes", Reason.CONFLICTING_FIELDS, "give an end or a duration, not both");
    }
    if (durationMinutes != null
        && (durationMinutes < Limits.MIN_DURATION_MINUTES
            || durationMinutes > Limits.MAX_DURATION_MINUTES)) {
      throw new ValidationFailure(
          "durationMinutes", Reason.OUT_OF_RANGE, "must be between 5 and 1440 minutes");
    }
    timezone = timezone == null ? TimeZoneId.UTC : timezone;
  }

  /** The range this proposal describes. */
  public TimeRange range() {
    Instant end =
        endsAt != null
            ? endsAt
            : startsAt.plus(
                Duration.ofMinutes(
                    durationMinutes == null ? Limits.DEFAULT_DURATION_MINUTES : durationMinutes));
    return new TimeRange(startsAt, end);
  }

  ProposedSlot toSlot(SlotId assignedId, UserId proposedBy, int round, Instant now) {
    if (!startsAt.isAfter(now)) {
      throw new ValidationFailure("startsAt", Reason.STARTS_IN_PAST, "must be in the future");
    }
    return new ProposedSlot(assignedId, range(), timezone, proposedBy, round);
  }
}
