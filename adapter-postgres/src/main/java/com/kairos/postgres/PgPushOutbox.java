package com.kairos.postgres;

import static com.kairos.postgres.PgCodes.code;
import static com.kairos.postgres.PgCodes.parse;

import com.kairos.application.port.OutboxUpdate;
import com.kairos.application.port.PendingPush;
import com.kairos.application.port.PushMessage;
import com.kairos.application.port.PushOutbox;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.device.Platform;
import com.kairos.domain.device.PushToken;
import com.kairos.domain.notification.Notice;
import com.kairos.domain.notification.NotificationKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The push outbox on PostgreSQL. Enqueueing is one statement that also raises {@value #CHANNEL},
 * which PostgreSQL delivers to listening dispatchers when (and only if) the transaction commits. A
 * claim moves a row's {@code due_at} to the end of its lease: no other claim sees it until then,
 * and if the claiming instance dies the row simply falls due again.
 */
final class PgPushOutbox implements PushOutbox {
  /** The notification channel dispatchers listen on. */
  static final String CHANNEL = "kairos_push";

  private static final String PENDING = LeasedRows.PENDING;
  private static final String SENT = "sent";
  private static final String DEAD = "dead";

  private final CurrentHandle current;

  PgPushOutbox(CurrentHandle current) {
    this.current = current;
  }

  @Override
  public void enqueue(List<Notice> notices, Instant at) {
    if (notices.isEmpty()) {
      return;
    }
    int n = notices.size();
    String[] kinds = new String[n];
    String[] recipients = new String[n];
    Long[] versions = new Long[n];
    for (int i = 0; i < n; i++) {
      Notice notice = notices.get(i);
      kinds[i] = code(notice.kind());
      recipients[i] = notice.recipient().value();
      versions[i] = notice.version();
    }
    current
        .get()
        .createQuery(
            "WITH notice AS ("
                + "  SELECT * FROM unnest(:kinds::text[], :recipients::text[], :negotiations::uuid[],"
                + "    :versions::bigint[]) AS t(kind, user_id, negotiation_id, version)"
                + "), queued AS ("
                + "  INSERT INTO push_outbox (device_id, kind, negotiation_id, version, created_at,"
                + "    due_at)"
                + "  SELECT d.id, notice.kind, notice.negotiation_id, notice.version, :at, :at"
                + "  FROM notice JOIN devices d ON d.user_id = notice.user_id"
                + "  ORDER BY d.id"
                + "  RETURNING 1"
                + ") SELECT count(*) FROM (SELECT pg_notify('"
                + CHANNEL
                + "', '') FROM queued LIMIT 1) AS woken")
        .bind("kinds", kinds)
        .bind("recipients", recipients)
        .bind("negotiations", Sql.uuidArray(notices, x -> x.negotiationId().value()))
        .bind("versions", versions)
        .bind("at", Sql.ts(at))
        .mapTo(Integer.class)
        .one();
  }

  @Override
  public List<PendingPush> claim(Instant now, Duration lease, int limit) {
    return LeasedRows.bindClaim(
            current
                .get()
                .createQuery(
                    LeasedRows.claimSql(
                        "push_outbox",
                        "o",
                        "o.id, o.device_id, o.kind, o.negotiation_id, o.version, o.created_at, o.attempts",
                        "SELECT c.*, d.push_token, d.platform FROM claimed c"
                            + " JOIN devices d ON d.id = c.device_id ORDER BY c.id")),
            now,
            lease,
            limit)
        .map(
            (rs, ctx) ->
                new PendingPush(
                    rs.getLong("id"),
                    new PushMessage(
                        new PushToken(rs.getString("push_token")),
                        parse(Platform.class, rs.getString("platform"), "platform"),
                        parse(NotificationKind.class, rs.getString("kind"), "kind"),
                        new NegotiationId(Sql.uuid(rs, "negotiation_id")),
                        rs.getLong("version")),
                    Sql.instant(rs, "created_at"),
                    rs.getInt("attempts")))
        .list();
  }

  @Override
  public void record(Collection<OutboxUpdate> updates, Instant now) {
    if (updates.isEmpty()) {
      return;
    }
    Handle h = current.get();
    List<Long> forget = new ArrayList<>();
    PreparedBatch batch =
        h.prepareBatch(
            "UPDATE push_outbox SET state = :state,"
                + " due_at = COALESCE(CAST(:dueAt AS timestamptz), due_at),"
                + " finished_at = CAST(:finishedAt AS timestamptz),"
                + " last_error = CAST(:reason AS text)"
                + " WHERE id = :id AND state = :pending");
    for (OutboxUpdate u : updates) {
      switch (u.outcome()) {
        case SENT -> batch.add(row(u, SENT, null, now));
        case DEAD -> batch.add(row(u, DEAD, null, now));
        case RETRY -> batch.add(row(u, PENDING, u.retryAt(), null));
        case TOKEN_REJECTED -> forget.add(u.id());
      }
    }
    if (batch.size() > 0) {
      batch.execute();
    }
    if (!forget.isEmpty()) {
      // The device goes, and with it (ON DELETE CASCADE) every push still waiting for it.
      h.createUpdate(
              "DELETE FROM devices WHERE id IN (SELECT device_id FROM push_outbox"
                  + " WHERE id = ANY(:ids))")
          .bind("ids", forget.toArray(new Long[0]))
          .execute();
    }
  }

  private static java.util.Map<String, Object> row(
      OutboxUpdate u, String state, Instant dueAt, Instant finishedAt) {
    java.util.Map<String, Object> row = new java.util.HashMap<>();
    row.put("id", u.id());
    row.put("state", state);
    row.put("dueAt", Sql.ts(dueAt));
    row.put("finishedAt", Sql.ts(finishedAt));
    row.put("reason", u.reason());
    row.put("pending", PENDING);
    return row;
  }

  @Override
  public void release(Collection<Long> ids, Instant now) {
    current
        .get()
        .createUpdate(
            "UPDATE push_outbox SET due_at = :now, attempts = GREATEST(attempts - 1, 0)"
                + " WHERE id = ANY(:ids) AND state = :pending")
        .bind("ids", ids.toArray(new Long[0]))
        .bind("now", Sql.ts(now))
        .bind("pending", PENDING)
        .execute();
  }

  @Override
  public Optional<Instant> nextDue() {
    return LeasedRows.nextDue(current.get(), "push_outbox");
  }

  @Override
  public Backlog backlog() {
    return current
        .get()
        .createQuery(
            "SELECT count(*) AS pending, min(created_at) AS oldest FROM push_outbox"
                + " WHERE state = :pending")
        .bind("pending", PENDING)
        .map(
            (rs, ctx) ->
                new Backlog(rs.getLong("pending"), Optional.ofNullable(Sql.instant(rs, "oldest"))))
        .one();
  }

  @Override
  public int purge(Instant before) {
    return current
        .get()
        .createUpdate("DELETE FROM push_outbox WHERE state <> :pending AND finished_at < :before")
        .bind("pending", PENDING)
        .bind("before", Sql.ts(before))
        .execute();
  }
}
