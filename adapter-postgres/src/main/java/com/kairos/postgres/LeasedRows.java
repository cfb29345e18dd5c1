package com.kairos.postgres;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The lease both outboxes (pushes, account jobs) share: a pending row is due at {@code due_at};
 * claiming one moves {@code due_at} to the end of the lease, so no other claim sees it until then
 * and a row whose claimer died falls due again by itself.
 */
final class LeasedRows {
  static final String PENDING = "pending";

  private LeasedRows() {}

  /**
   * The claiming statement of {@code table} (aliased {@code alias}): due rows, oldest first, not
   * held by another transaction, leased; {@code returning} and {@code after} finish it.
   */
  static String claimSql(String table, String alias, String returning, String after) {
    return "WITH due AS ("
        + "  SELECT id FROM "
        + table
        + " WHERE state = :pending AND due_at <= :now"
        + "  ORDER BY due_at, id LIMIT :limit FOR UPDATE SKIP LOCKED"
        + "), claimed AS ("
        + "  UPDATE "
        + table
        + " "
        + alias
        + " SET due_at = :leaseEnd, attempts = "
        + alias
        + ".attempts + 1 FROM due WHERE "
        + alias
        + ".id = due.id RETURNING "
        + returning
        + ") "
        + after;
  }

  /** Binds what {@link #claimSql} needs. */
  static Query bindClaim(Query claim, Instant now, Duration lease, int limit) {
    return claim
        .bind("pending", PENDING)
        .bind("now", Sql.ts(now))
        .bind("leaseEnd", Sql.ts(now.plus(lease)))
        .bind("limit", limit);
  }

  /** When the next pending row of {@code table} falls due. */
  static Optional<Instant> nextDue(Handle h, String table) {
    return h.createQuery("SELECT min(due_at) AS due FROM " + table + " WHERE state = :pending")
        .bind("pending", PENDING)
        .map((rs, ctx) -> Optional.ofNullable(Sql.instant(rs, "due")))
        .one();
  }
}
