package com.kairos.application.negotiation;

import com.kairos.application.cursor.CursorCodec;
import com.kairos.application.cursor.InvalidCursor;
import com.kairos.application.paging.Page;
import com.kairos.application.paging.PageRequest;
import com.kairos.application.port.Keyset;
import com.kairos.application.port.NegotiationHistory;
import com.kairos.application.port.NegotiationStore;
import com.kairos.application.port.Transactions;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.Timestamps;
import com.kairos.domain.common.UserId;
import com.kairos.domain.common.ValidationFailure;
import com.kairos.domain.negotiation.Activity;
import com.kairos.domain.negotiation.Negotiation;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A negotiation's history, oldest first, for the users who may read the negotiation (refused as
 * {@link GetNegotiation} refuses): only lines above {@code afterVersion} (how an app that was
 * offline catches up), cursor-paged. History lines hold no blob. An expiry the sweep has not
 * written yet reads as its line, at the expiry instant, as the negotiation itself reads expired.
 */
public final class GetActivity {
  /** The page size when the request names none. */
  public static final int DEFAULT_LIMIT = 50;

  private final Transactions transactions;
  private final NegotiationStore negotiations;
  private final NegotiationHistory history;
  private final CursorCodec cursors;
  private final Clock clock;

  public GetActivity(
      Transactions transactions,
      NegotiationStore negotiations,
      NegotiationHistory history,
      CursorCodec cursors,
      Clock clock) {
    this.transactions = transactions;
    this.negotiations = negotiations;
    this.history = history;
    this.cursors = cursors;
    this.clock = clock;
  }

  /**
   * One page of the history of {@code id} after {@code afterVersion} (≥ 0).
   *
   * @throws ValidationFailure when {@code afterVersion} is negative
   * @throws InvalidCursor when the page's cursor is not one this listing issued
   */
  public Page<Activity> list(UserId caller, NegotiationId id, long afterVersion, PageRequest page) {
    if (afterVersion < 0) {
      throw new ValidationFailure(
          "afterVersion", ValidationFailure.Reason.OUT_OF_RANGE, "must be 0 or greater");
    }
    Instant now = Timestamps.now(clock);
    // The cursor holds the position reached, so it stands alone: a client may send it with or
    // without the after_version it started from (the later of the two wins).
    String binding = "activity|" + caller + "|" + id;
    long from =
        page.cursor() == null
            ? afterVersion
            : Math.max(afterVersion, version(cursors.decode(page.cursor(), binding, now), id));
    int limit = page.limit();
    List<Activity> rows =
        transactions.reading(
            () -> {
              Negotiation negotiation = Negotiations.get(negotiations, id);
              negotiation.requireReadableBy(caller);
              List<Activity> lines = new ArrayList<>(history.activity(id, from, limit + 1));
              if (lines.size() <= limit) {
                unsweptExpiry(negotiation, now, from, lines).ifPresent(lines::add);
              }
              return lines;
            });
    return cursors.page(rows, limit, a -> position(a), binding, now);
  }

  /** The expiry line a read reports before the sweep writes it, if it belongs on this page. */
  private static Optional<Activity> unsweptExpiry(
      Negotiation negotiation, Instant now, long from, List<Activity> lines) {
    if (!negotiation.isExpiredAt(now)) {
      return Optional.empty();
    }
    Activity expiry = negotiation.expire(negotiation.expiresAt()).activity();
    boolean written = lines.stream().anyMatch(a -> a.version() >= expiry.version());
    return expiry.version() > from && !written ? Optional.of(expiry) : Optional.empty();
  }

  /**
   * The codec signs a (time, id) position; a history position is a version within one negotiation,
   * carried as microseconds after the epoch next to the negotiation's id.
   */
  private static Keyset position(Activity line) {
    return new Keyset(
        Instant.EPOCH.plus(line.version(), ChronoUnit.MICROS), line.negotiationId().value());
  }

  private static long version(Keyset position, NegotiationId id) {
    if (!position.id().equals(id.value())) {
      throw new InvalidCursor("the cursor belongs to another listing");
    }
    return ChronoUnit.MICROS.between(Instant.EPOCH, position.updatedAt());
  }
}
