package com.kairos.postgres;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.UserId;
import com.kairos.domain.negotiation.Negotiation;
import com.kairos.postgres.NegotiationRows.NegotiationRow;
import com.kairos.postgres.NegotiationRows.ParticipantRow;
import com.kairos.postgres.NegotiationRows.SlotRow;
import com.kairos.postgres.NegotiationRows.VenueRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Loads a negotiation with its participants, slots and venues in one statement: the children are
 * aggregated in PostgreSQL into JSON arrays of positional arrays (in their stored order, times as
 * epoch microseconds so nothing depends on the session's time zone) and read back with Jackson's
 * streaming parser. One round trip where four used to be, and a GET needs no transaction.
 */
final class NegotiationLoader {
  static final String COLUMNS =
      "id, owner_id, state, cancel_reason, intent_category, agent_mode, agent_round, version,"
          + " outcome_slot_id, outcome_venue_id, encrypted_payload, counter_payload,"
          + " encrypted_blob_version, last_actor_id, last_action, created_at, updated_at,"
          + " expires_at, activated_at, start_fingerprint";

  private static final String MICROS = "(extract(epoch FROM %s) * 1000000)::bigint";
  private static final String SELECT =
      "SELECT "
          + COLUMNS
          + ", (SELECT json_agg(json_build_array(user_id, role, status, accepted_slot_ids,"
          + " accepted_venue_ids, "
          + MICROS.formatted("responded_at")
          + ", encrypted_payload) ORDER BY position) FROM participants"
          + " WHERE negotiation_id = n.id) AS participants_json,"
          + " (SELECT json_agg(json_build_array(id, "
          + MICROS.formatted("starts_at")
          + ", "
          + MICROS.formatted("ends_at")
          + ", timezone, proposed_by, round) ORDER BY position) FROM proposed_slots"
          + " WHERE negotiation_id = n.id) AS slots_json,"
          + " (SELECT json_agg(json_build_array(id, name, provider_id, latitude, longitude,"
          + " proposed_by, round) ORDER BY position) FROM proposed_venues"
          + " WHERE negotiation_id = n.id) AS venues_json"
          + " FROM negotiations n";

  private static final JsonFactory JSON = new JsonFactory();

  private record Loaded(NegotiationRow row, String participants, String slots, String venues) {}

  private static final RowMapper<Loaded> MAPPER =
      (rs, ctx) ->
          new Loaded(
              NegotiationRow.MAPPER.map(rs, ctx),
              rs.getString("participants_json"),
              rs.getString("slots_json"),
              rs.getString("venues_json"));

  private NegotiationLoader() {}

  /**
   * The negotiation, locking its row until the transaction ends when {@code forUpdate}. The lock is
   * its own statement, taken before the load: in READ COMMITTED a {@code SELECT … FOR UPDATE} that
   * waited for a concurrent writer returns the row's newest version but evaluates its subqueries
   * (the children) on the snapshot it started with, so a load under the same statement would pair a
   * fresh negotiation with stale participants and lose their updates.
   */
  static Optional<Negotiation> load(Handle h, NegotiationId id, boolean forUpdate) {
    if (forUpdate
        && h.createQuery("SELECT 1 FROM negotiations WHERE id = :id FOR UPDATE")
            .bind("id", id.value())
            .mapTo(Integer.class)
            .findOne()
            .isEmpty()) {
      return Optional.empty();
    }
    return h.createQuery(SELECT + " WHERE n.id = :id")
        .bind("id", id.value())
        .map(MAPPER)
        .findOne()
        .map(NegotiationLoader::toDomain);
  }

  /**
   * The negotiations {@code ids} names, in that order, in one statement; unknown ids are skipped.
   */
  static List<Negotiation> loadAll(Handle h, List<NegotiationId> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<NegotiationId, Negotiation> byId = new HashMap<>();
    h.createQuery(SELECT + " WHERE n.id = ANY(:ids)")
        .bind("ids", Sql.uuidArray(ids, NegotiationId::value))
        .map(MAPPER)
        .map(NegotiationLoader::toDomain)
        .forEach(n -> byId.put(n.id(), n));
    return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
  }

  /**
   * Up to {@code limit} whole negotiations {@code user} takes part in and may see, by id, after
   * {@code after} (from the first when null): one statement per page, through the participants'
   * (user_id, negotiation_id) index.
   */
  static List<Negotiation> visibleTo(Handle h, UserId user, NegotiationId after, int limit) {
    return h.createQuery(
            SELECT
                + " JOIN (SELECT negotiation_id FROM participants WHERE user_id = :user"
                + " AND visible"
                + (after == null ? "" : " AND negotiation_id > :after")
                + " ORDER BY negotiation_id LIMIT :limit) AS mine ON mine.negotiation_id = n.id"
                + " ORDER BY n.id")
        .bind("user", user.value())
        .bind("after", after == null ? null : after.value())
        .bind("limit", limit)
        .map(MAPPER)
        .map(NegotiationLoader::toDomain)
        .list();
  }

  private static Negotiation toDomain(Loaded l) {
    return l.row()
        .toDomain(
            rows(l.participants(), NegotiationLoader::participant),
            rows(l.slots(), NegotiationLoader::slot),
            rows(l.venues(), NegotiationLoader::venue));
  }

  private interface Reader<T> {
    T read(JsonParser p) throws IOException;
  }

  /**
   * Each inner array of {@code json} (an array of arrays, or null for none) read by {@code row}.
   */
  private static <T> List<T> rows(String json, Reader<T> row) {
    List<T> result = new ArrayList<>();
    if (json == null) {
      return result;
    }
    try (JsonParser p = JSON.createParser(json)) {
      expect(p.nextToken(), JsonToken.START_ARRAY);
      while (p.nextToken() == JsonToken.START_ARRAY) {
        result.add(row.read(p));
        expect(p.nextToken(), JsonToken.END_ARRAY);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable aggregated row", e);
    }
    return result;
  }

  private static ParticipantRow participant(JsonParser p) throws IOException {
    return new ParticipantRow(text(p), text(p), text(p), uuids(p), uuids(p), instant(p), text(p));
  }

  private static SlotRow slot(JsonParser p) throws IOException {
    return new SlotRow(uuid(p), instant(p), instant(p), text(p), text(p), integer(p));
  }

  private static VenueRow venue(JsonParser p) throws IOException {
    return new VenueRow(uuid(p), text(p), text(p), number(p), number(p), text(p), integer(p));
  }

  private static String text(JsonParser p) throws IOException {
    return p.nextToken() == JsonToken.VALUE_NULL ? null : p.getText();
  }

  private static UUID uuid(JsonParser p) throws IOException {
    String text = text(p);
    return text == null ? null : UUID.fromString(text);
  }

  private static int integer(JsonParser p) throws IOException {
    p.nextToken();
    return p.getIntValue();
  }

  private static Double number(JsonParser p) throws IOException {
    return p.nextToken() == JsonToken.VALUE_NULL ? null : p.getDoubleValue();
  }

  private static Instant instant(JsonParser p) throws IOException {
    if (p.nextToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    long micros = p.getLongValue();
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
  }

  private static List<UUID> uuids(JsonParser p) throws IOException {
    List<UUID> ids = new ArrayList<>();
    if (p.nextToken() == JsonToken.VALUE_NULL) {
      return ids;
    }
    while (p.nextToken() != JsonToken.END_ARRAY) {
      ids.add(UUID.fromString(p.getText()));
    }
    return ids;
  }

  private static void expect(JsonToken actual, JsonToken expected) throws IOException {
    if (actual != expected) {
      throw new IOException("expected " + expected + " but read " + actual);
    }
  }
}
