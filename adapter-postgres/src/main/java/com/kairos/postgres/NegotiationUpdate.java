package com.kairos.postgres;

import static com.kairos.postgres.PgCodes.code;

import com.kairos.domain.common.ConcurrentModification;
import com.kairos.domain.negotiation.Negotiation;
import com.kairos.domain.negotiation.Participant;
import com.kairos.postgres.NegotiationRows.NegotiationRow;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * A changed negotiation written back in one statement: its row (guarded by the version it was read
 * at) and every participant's row (parallel arrays unnested into rows), as two data-modifying CTEs
 * that PostgreSQL runs in one round trip. The participants are only touched when the negotiation's
 * row matched, and both counts come back, so a lost race is still a {@link ConcurrentModification}.
 * A reply costs the same round trips for two people as for fifty.
 */
final class NegotiationUpdate {
  private static final String SQL =
      "WITH n AS (UPDATE negotiations SET state = :state, cancel_reason = :cancelReason,"
          + " agent_round = :agentRound, version = :version,"
          + " accepted_count = :acceptedCount, outcome_slot_id = :outcomeSlotId,"
          + " outcome_venue_id = :outcomeVenueId, counter_payload = :counterPayload,"
          + " encrypted_payload = :encryptedPayload,"
          + " last_actor_id = :lastActorId, last_action = :lastAction,"
          + " updated_at = :updatedAt, activated_at = :activatedAt"
          + " WHERE id = :id AND version = :previousVersion RETURNING id),"
          + " p AS (UPDATE participants p SET status = v.status,"
          + " accepted_slot_ids = v.slots::uuid[], accepted_venue_ids = v.venues::uuid[],"
          + " responded_at = timestamptz 'epoch' + v.micros * interval '1 microsecond',"
          + " encrypted_payload = v.payload, negotiation_updated_at = :updatedAt,"
          + " visible = v.visible"
          + " FROM unnest(:users, :statuses, :slots, :venues, :micros, :payloads,"
          + " :visible) AS v(user_id, status, slots, venues, micros, payload, visible)"
          + " WHERE p.negotiation_id = (SELECT id FROM n) AND p.user_id = v.user_id"
          + " RETURNING 1)"
          + " SELECT (SELECT count(*) FROM n) AS negotiations, (SELECT count(*) FROM p) AS people";

  private NegotiationUpdate() {}

  static void write(Handle h, Negotiation n) {
    List<Participant> all = n.participants();
    int size = all.size();
    String[] users = new String[size];
    String[] statuses = new String[size];
    String[] slots = new String[size];
    String[] venues = new String[size];
    Long[] respondedAt = new Long[size];
    String[] payloads = new String[size];
    Boolean[] visible = new Boolean[size];
    for (int i = 0; i < size; i++) {
      Participant p = all.get(i);
      users[i] = p.userId().value();
      statuses[i] = code(p.status());
      slots[i] = arrayLiteral(p.acceptedSlotIds().stream().map(id -> id.value()).toList());
      venues[i] = arrayLiteral(p.acceptedVenueIds().stream().map(id -> id.value()).toList());
      respondedAt[i] = p.respondedAt() == null ? null : micros(p.respondedAt());
      payloads[i] = p.encryptedPayload() == null ? null : p.encryptedPayload().value();
      visible[i] = n.isVisibleTo(p.userId());
    }
    long[] changed =
        NegotiationRow.of(n)
            .bindTo(h.createQuery(SQL))
            .bind("acceptedCount", n.acceptedCount())
            .bind("previousVersion", n.version() - 1)
            .bindArray("users", String.class, (Object[]) users)
            .bindArray("statuses", String.class, (Object[]) statuses)
            .bindArray("slots", String.class, (Object[]) slots)
            .bindArray("venues", String.class, (Object[]) venues)
            .bindArray("micros", Long.class, (Object[]) respondedAt)
            .bindArray("payloads", String.class, (Object[]) payloads)
            .bindArray("visible", Boolean.class, (Object[]) visible)
            .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
            .one();
    if (changed[0] != 1) {
      throw new ConcurrentModification("negotiation changed concurrently");
    }
    if (changed[1] != size) {
      throw new ConcurrentModification("participants changed concurrently");
    }
  }

  private static String arrayLiteral(List<UUID> ids) {
    StringBuilder literal = new StringBuilder("{");
    for (int i = 0; i < ids.size(); i++) {
      literal.append(i == 0 ? "" : ",").append(ids.get(i));
    }
    return literal.append('}').toString();
  }

  private static long micros(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000L);
  }
}
