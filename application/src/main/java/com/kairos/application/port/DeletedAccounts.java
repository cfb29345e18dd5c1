package com.kairos.application.port;

import com.kairos.domain.common.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Outbound port: when each deleted account was deleted, so that every instance refuses the tokens
 * of that user id issued at or before it (accounts.md). {@link #record} runs inside the deletion's
 * transaction; the reads need none.
 */
public interface DeletedAccounts {

  /** One deletion: the user id and when its account was deleted. */
  record Deletion(UserId user, Instant deletedAt) {
    public Deletion {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(deletedAt, "deletedAt");
    }
  }

  /**
   * Records that {@code user}'s account was deleted at {@code at}. A later deletion of the same id
   * (a new account made after the first was deleted) moves the time forward, never back.
   */
  void record(UserId user, Instant at);

  /** When {@code user}'s account was last deleted; empty if it never was. */
  Optional<Instant> deletedAt(UserId user);

  /**
   * Up to {@code limit} deletions after {@code last} (by time, then user id; from the first when
   * null), oldest first: how an instance learns of deletions made elsewhere. A deletion becomes
   * visible when its transaction commits, possibly after later-timed ones: pollers re-read an
   * overlap rather than trusting the last position exactly.
   */
  List<Deletion> after(Deletion last, int limit);
}
