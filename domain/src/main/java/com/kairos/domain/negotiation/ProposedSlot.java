package com.kairos.domain.negotiation;

import com.kairos.domain.common.SlotId;
import com.kairos.domain.common.TimeRange;
import com.kairos.domain.common.TimeZoneId;
import com.kairos.domain.common.UserId;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/** A time option on the table. Options are never withdrawn; a slot closes once it starts. */
public record ProposedSlot(
    SlotId id, TimeRange range, TimeZoneId timezone, UserId proposedBy, int round) {

  /** Earliest start first, ties broken by the smaller id: the order responses and outcome use. */
  public static final Comparator<ProposedSlot> BY_START =
      Comparator.comparing((ProposedSlot s) -> s.range().startsAt())
          .thenComparing(ProposedSlot::id);

  public ProposedSlot {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(timezone, "timezone");
    Objects.requireNonNull(proposedBy, "proposedBy");
    if (round < 0) {
      throw new IllegalArgumentException("round must not be negative");
    }
  }

  public Instant startsAt() {
    return range.startsAt();
  }

  public Instant endsAt() {
    return range.endsAt();
  }

  /** A slot is open while it has not started yet. */
  public boolean isOpenAt(Instant now) {
    return range.startsAt().isAfter(now);
  }
}
