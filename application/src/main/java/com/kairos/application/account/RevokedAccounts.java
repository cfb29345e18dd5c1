package com.kairos.application.account;

import com.kairos.application.port.DeletedAccounts;
import com.kairos.application.port.DeletedAccounts.Deletion;
import com.kairos.application.port.Transactions;
import com.kairos.domain.common.Timestamps;
import com.kairos.domain.common.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This instance's view of recently deleted accounts, so that refusing a dead account's tokens costs
 * a map lookup instead of a query per request. A deletion made here is known at once ({@link
 * #note}); one made by another instance is learnt by {@link #refresh}, which the server runs every
 * second. Firebase ID tokens live at most an hour, so deletions older than {@link #REMEMBERED} can
 * no longer match a valid token and are forgotten.
 */
public final class RevokedAccounts {
  /** Longer than an ID token lives (1 h), with room for clock skew. */
  public static final Duration REMEMBERED = Duration.ofHours(2);

  /** Commits may become visible out of time order: each refresh re-reads this much. */
  static final Duration OVERLAP = Duration.ofSeconds(30);

  private static final UserId FIRST = new UserId("!");
  private final Map<UserId, Instant> deletedAt = new ConcurrentHashMap<>();
  private final Transactions transactions;
  private final DeletedAccounts deletions;
  private final Clock clock;
  private volatile Instant readUpTo;

  public RevokedAccounts(Transactions transactions, DeletedAccounts deletions, Clock clock) {
    this.transactions = transactions;
    this.deletions = deletions;
    this.clock = clock;
  }

  /** When {@code user}'s account was deleted, if that was recent enough to matter. */
  public Optional<Instant> deletedAt(UserId user) {
    return Optional.ofNullable(deletedAt.get(user));
  }

  /** A deletion this instance just committed. */
  public void note(UserId user, Instant at) {
    deletedAt.merge(user, at, (a, b) -> a.isAfter(b) ? a : b);
  }

  /** Learns the deletions committed since the last refresh (anywhere); forgets old ones. */
  public void refresh() {
    Instant now = Timestamps.now(clock);
    Instant horizon = now.minus(REMEMBERED);
    Instant from = readUpTo == null ? horizon : readUpTo.minus(OVERLAP);
    if (from.isBefore(horizon)) {
      from = horizon;
    }
    Deletion cursor = new Deletion(FIRST, from);
    List<Deletion> page;
    Instant newest = from;
    do {
      Deletion after = cursor;
      page = transactions.reading(() -> deletions.after(after, 500));
      for (Deletion d : page) {
        note(d.user(), d.deletedAt());
        if (d.deletedAt().isAfter(newest)) {
          newest = d.deletedAt();
        }
        cursor = d;
      }
    } while (page.size() == 500);
    readUpTo = newest;
    deletedAt.values().removeIf(at -> at.isBefore(horizon));
  }
}
