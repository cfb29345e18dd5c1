package com.kairos.postgres;

import static com.kairos.postgres.PgCodes.code;
import static com.kairos.postgres.PgCodes.parse;

import com.kairos.application.port.EventQuery;
import com.kairos.application.port.EventRepository;
import com.kairos.domain.common.BlobVersion;
import com.kairos.domain.common.EncryptedBlob;
import com.kairos.domain.common.EventId;
import com.kairos.domain.common.IntentCategory;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.SlotId;
import com.kairos.domain.common.TimeZoneId;
import com.kairos.domain.common.UserId;
import com.kairos.domain.common.VenueId;
import com.kairos.domain.event.Event;
import com.kairos.domain.event.EventSource;
import com.kairos.domain.event.EventStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatement;

/** Calendar events on PostgreSQL, listed through the owner's feed and upcoming indexes. */
public final class PgEventRepository implements EventRepository {
  private static final String COLUMNS =
      "id, owner_id, negotiation_id, source, status, starts_at, ends_at, timezone, slot_id,"
          + " venue_id, intent_category, encrypted_payload, encrypted_blob_version, created_at,"
          + " updated_at";

  /** An {@code events} row. */
  record EventRow(
      UUID id,
      String ownerId,
      UUID negotiationId,
      String source,
      String status,
      Instant startsAt,
      Instant endsAt,
      String timezone,
      UUID slotId,
      UUID venueId,
      String intentCategory,
      String encryptedPayload,
      int blobVersion,
      Instant createdAt,
      Instant updatedAt) {

    static final RowMapper<EventRow> MAPPER =
        (rs, ctx) ->
            new EventRow(
                Sql.uuid(rs, "id"),
                rs.getString("owner_id"),
                Sql.uuid(rs, "negotiation_id"),
                rs.getString("source"),
                rs.getString("status"),
                Sql.instant(rs, "starts_at"),
                Sql.instant(rs, "ends_at"),
                rs.getString("timezone"),
                Sql.uuid(rs, "slot_id"),
                Sql.uuid(rs, "venue_id"),
                rs.getString("intent_category"),
                rs.getString("encrypted_payload"),
                rs.getInt("encrypted_blob_version"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));

    static EventRow of(Event e) {
      return new EventRow(
          e.id().value(),
          e.ownerId().value(),
          e.negotiationId() == null ? null : e.negotiationId().value(),
          code(e.source()),
          code(e.status()),
          e.startsAt(),
          e.endsAt(),
          e.timezone().value(),
          e.slotId() == null ? null : e.slotId().value(),
          e.venueId() == null ? null : e.venueId().value(),
          e.intentCategory() == null ? null : code(e.intentCategory()),
          e.encryptedPayload() == null ? null : e.encryptedPayload().value(),
          e.blobVersion().value(),
          e.createdAt(),
          e.updatedAt());
    }

    <S extends SqlStatement<S>> S bindTo(S statement) {
      return statement
          .bind("id", id)
          .bind("ownerId", ownerId)
          .bind("negotiationId", negotiationId)
          .bind("source", source)
          .bind("status", status)
          .bind("startsAt", Sql.ts(startsAt))
          .bind("endsAt", Sql.ts(endsAt))
          .bind("timezone", timezone)
          .bind("slotId", slotId)
          .bind("venueId", venueId)
          .bind("intentCategory", intentCategory)
          .bind("encryptedPayload", encryptedPayload)
          .bind("blobVersion", blobVersion)
          .bind("createdAt", Sql.ts(createdAt))
          .bind("updatedAt", Sql.ts(updatedAt));
    }

    Event toDomain() {
      return new Event(
          new EventId(id),
          new UserId(ownerId),
          negotiationId == null ? null : new NegotiationId(negotiationId),
          parse(EventSource.class, source, "source"),
          parse(EventStatus.class, status, "status"),
          startsAt,
          endsAt,
          new TimeZoneId(timezone),
          slotId == null ? null : new SlotId(slotId),
          venueId == null ? null : new VenueId(venueId),
          intentCategory == null
              ? null
              : parse(IntentCategory.class, intentCategory, "intent_category"),
          encryptedPayload == null ? null : EncryptedBlob.of(encryptedPayload, "encrypted_payload"),
          new BlobVersion(blobVersion),
          createdAt,
          updatedAt);
    }
  }

  private final CurrentHandle current;

  PgEventRepository(CurrentHandle current) {
    this.current = current;
  }

  @Override
  public Optional<Event> findById(EventId id) {
    return current
        .get()
        .createQuery("SELECT " + COLUMNS + " FROM events WHERE id = :id")
        .bind("id", id.value())
        .map(EventRow.MAPPER)
        .findOne()
        .map(EventRow::toDomain);
  }

  @Override
  public void insertAll(List<Event> events) {
    if (events.isEmpty()) {
      return;
    }
    Handle h = current.get();
    Sql.insertOrConflict(
        () -> {
          PreparedBatch batch =
              h.prepareBatch(
                  "INSERT INTO events ("
                      + COLUMNS
                      + ") VALUES (:id, :ownerId, :negotiationId,"
                      + " :source, :status, :startsAt, :endsAt, :timezone, :slotId, :venueId,"
                      + " :intentCategory, :encryptedPayload, :blobVersion, :createdAt,"
                      + " :updatedAt)");
          for (Event e : events) {
            EventRow.of(e).bindTo(batch).add();
          }
          batch.execute();
        },
        "event");
  }

  @Override
  public int cancelForNegotiation(NegotiationId negotiationId, Instant now) {
    return current
        .get()
        .createUpdate(
            "UPDATE events SET status = :cancelled, updated_at = :now"
                + " WHERE negotiation_id = :id AND status = :confirmed")
        .bind("cancelled", code(EventStatus.CANCELLED))
        .bind("confirmed", code(EventStatus.CONFIRMED))
        .bind("id", negotiationId.value())
        .bind("now", Sql.ts(now))
        .execute();
  }

  /** The feed query; package-visible for the plan test. */
  static String listSql(EventQuery q) {
    StringBuilder sql =
        new StringBuilder("SELECT " + COLUMNS + " FROM events WHERE owner_id = :owner");
    if (q.after() != null) {
      sql.append(" AND (updated_at, id) < (:afterTs, :afterId)");
    }
    if (q.status() != null) {
      sql.append(" AND status = :status");
    }
    if (q.updatedAfter() != null) {
      sql.append(" AND updated_at > :updatedAfter");
    }
    return sql.append(" ORDER BY updated_at DESC, id DESC LIMIT :limit").toString();
  }

  @Override
  public List<Event> listFor(UserId owner, EventQuery q, int limit) {
    Query query =
        current.get().createQuery(listSql(q)).bind("owner", owner.value()).bind("limit", limit);
    if (q.after() != null) {
      query.bind("afterTs", Sql.ts(q.after().updatedAt())).bind("afterId", q.after().id());
    }
    if (q.status() != null) {
      query.bind("status", q.status().name().toLowerCase(java.util.Locale.ROOT));
    }
    if (q.updatedAfter() != null) {
      query.bind("updatedAfter", Sql.ts(q.updatedAfter()));
    }
    return query.map(EventRow.MAPPER).map(EventRow::toDomain).list();
  }

  @Override
  public List<Event> ownedBy(UserId owner, EventId after, int limit) {
    return current
        .get()
        .createQuery(
            "SELECT "
                + COLUMNS
                + " FROM events WHERE owner_id = :owner"
                + (after == null ? "" : " AND id > :after")
                + " ORDER BY id LIMIT :limit")
        .bind("owner", owner.value())
        .bind("after", after == null ? null : after.value())
        .bind("limit", limit)
        .map(EventRow.MAPPER)
        .map(EventRow::toDomain)
        .list();
  }

  @Override
  public int deleteOwnedBy(UserId owner) {
    return current
        .get()
        .createUpdate("DELETE FROM events WHERE owner_id = :owner")
        .bind("owner", owner.value())
        .execute();
  }

  /** The upcoming query; package-visible for the plan test. */
  static final String UPCOMING_SQL =
      "SELECT "
          + COLUMNS
          + " FROM events WHERE owner_id = :owner AND status = 'confirmed'"
          + " AND starts_at > :after ORDER BY starts_at, id LIMIT :limit";

  @Override
  public List<Event> upcoming(UserId owner, Instant after, int limit) {
    return current
        .get()
        .createQuery(UPCOMING_SQL)
        .bind("owner", owner.value())
        .bind("after", Sql.ts(after))
        .bind("limit", limit)
        .map(EventRow.MAPPER)
        .map(EventRow::toDomain)
        .list();
  }
}
