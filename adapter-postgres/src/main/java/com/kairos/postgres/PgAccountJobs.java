package com.kairos.postgres;

import com.kairos.application.port.AccountJobs;
import com.kairos.domain.common.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Account jobs on PostgreSQL, claimed as {@link PgPushOutbox} claims pushes: {@code FOR UPDATE SKIP
 * LOCKED} picks due rows no one else is claiming, and the claim moves their {@code due_at} to the
 * end of the lease, so no other claim sees them until then and a dead claimer's rows fall due
 * again.
 */
final class PgAccountJobs implements AccountJobs {
  private static final String PENDING = LeasedRows.PENDING;
  private static final String DONE = "done";

  private final CurrentHandle current;

  PgAccountJobs(CurrentHandle current) {
    this.current = current;
  }

  /** The code the schema's CHECK constraint lists for {@code kind} (named before the rename). */
  static String code(Kind kind) {
    return switch (kind) {
      case DELETE_IDENTITY_ACCOUNT -> "delete_firebase_user";
    };
  }

  private static Kind kind(String code) {
    for (Kind kind : Kind.values()) {
      if (code(kind).equals(code)) {
        return kind;
      }
    }
    throw new IllegalStateException("corrupt stored value in column kind: " + code);
  }

  @Override
  public void enqueue(Kind kind, UserId user, Instant at) {
    current
        .get()
        .createUpdate(
            "INSERT INTO account_jobs (kind, user_id, created_at, due_at)"
                + " VALUES (:kind, :uid, :at, :at)")
        .bind("kind", code(kind))
        .bind("uid", user.value())
        .bind("at", Sql.ts(at))
        .execute();
  }

  @Override
  public List<Job> claim(Instant now, Duration lease, int limit) {
    return LeasedRows.bindClaim(
            current
                .get()
                .createQuery(
                    LeasedRows.claimSql(
                        "account_jobs",
                        "j",
                        "j.id, j.kind, j.user_id, j.created_at, j.attempts, j.due_at",
                        "SELECT * FROM claimed")),
            now,
            lease,
            limit)
        .map(
            (rs, ctx) ->
                new Job(
                    rs.getLong("id"),
                    kind(rs.getString("kind")),
                    new UserId(rs.getString("user_id")),
                    Sql.instant(rs, "created_at"),
                    rs.getInt("attempts")))
        .list()
        .stream()
        .sorted(java.util.Comparator.comparingLong(Job::id))
        .toList();
  }

  @Override
  public void complete(long id, Instant now) {
    current
        .get()
        .createUpdate(
            "UPDATE account_jobs SET state = :done, finished_at = :now, last_error = NULL"
                + " WHERE id = :id AND state = :pending")
        .bind("done", DONE)
        .bind("pending", PENDING)
        .bind("now", Sql.ts(now))
        .bind("id", id)
        .execute();
  }

  @Override
  public void retry(long id, Instant dueAt, String reason) {
    current
        .get()
        .createUpdate(
            "UPDATE account_jobs SET due_at = :dueAt, last_error = :reason"
                + " WHERE id = :id AND state = :pending")
        .bind("pending", PENDING)
        .bind("dueAt", Sql.ts(dueAt))
        .bind("reason", reason)
        .bind("id", id)
        .execute();
  }

  @Override
  public Optional<Instant> nextDue() {
    return LeasedRows.nextDue(current.get(), "account_jobs");
  }

  @Override
  public long pending() {
    return current
        .get()
        .createQuery("SELECT count(*) FROM account_jobs WHERE state = :pending")
        .bind("pending", PENDING)
        .mapTo(Long.class)
        .one();
  }

  @Override
  public int purge(Instant before) {
    return current
        .get()
        .createUpdate("DELETE FROM account_jobs WHERE state = :done AND finished_at < :before")
        .bind("done", DONE)
        .bind("before", Sql.ts(before))
        .execute();
  }
}
