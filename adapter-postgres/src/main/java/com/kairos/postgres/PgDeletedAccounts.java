package com.kairos.postgres;

import com.kairos.application.port.DeletedAccounts;
import com.kairos.domain.common.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Deletion records on PostgreSQL: one row per user id, its time only ever moving forward. */
final class PgDeletedAccounts implements DeletedAccounts {
  private final CurrentHandle current;

  PgDeletedAccounts(CurrentHandle current) {
    this.current = current;
  }

  @Override
  public void record(UserId user, Instant at) {
    current
        .get()
        .createUpdate(
            "INSERT INTO account_deletions (user_id, deleted_at) VALUES (:uid, :at)"
                + " ON CONFLICT (user_id) DO UPDATE SET deleted_at ="
                + " GREATEST(account_deletions.deleted_at, EXCLUDED.deleted_at)")
        .bind("uid", user.value())
        .bind("at", Sql.ts(at))
        .execute();
  }

  @Override
  public Optional<Instant> deletedAt(UserId user) {
    return current
        .get()
        .createQuery("SELECT deleted_at FROM account_deletions WHERE user_id = :uid")
        .bind("uid", user.value())
        .map((rs, ctx) -> Sql.instant(rs, "deleted_at"))
        .findOne();
  }

  @Override
  public List<Deletion> after(Deletion last, int limit) {
    return current
        .get()
        .createQuery(
            "SELECT user_id, deleted_at FROM account_deletions"
                + (last == null ? "" : " WHERE (deleted_at, user_id) > (:at, :uid)")
                + " ORDER BY deleted_at, user_id LIMIT :limit")
        .bind("at", last == null ? null : Sql.ts(last.deletedAt()))
        .bind("uid", last == null ? null : last.user().value())
        .bind("limit", limit)
        .map(
            (rs, ctx) ->
                new Deletion(new UserId(rs.getString("user_id")), Sql.instant(rs, "deleted_at")))
        .list();
  }
}
