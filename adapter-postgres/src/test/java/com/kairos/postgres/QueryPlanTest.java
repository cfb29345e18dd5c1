package com.kairos.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.kairos.application.port.Keyset;
import com.kairos.application.port.NegotiationQuery;
import com.kairos.domain.common.UserId;
import com.kairos.domain.negotiation.NegotiationState;
import com.kairos.postgres.testing.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With a million negotiations (two million participants, a million events) loaded, the hot queries
 * are answered from their indexes. Asserts on the plan, never on time.
 */
class QueryPlanTest {
  private static final int NEGOTIATIONS = 1_000_000;
  private static final int USERS = 100_000;
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private static HikariDataSource db;
  private static Jdbi jdbi;

  @BeforeAll
  static void load() {
    db = TestDatabase.fresh(2);
    jdbi = Jdbi.create(db).installPlugin(new PostgresPlugin());
    jdbi.useHandle(
        h -> {
          h.execute("SET synchronous_commit = off");
          h.execute(
              "INSERT INTO negotiations (id, owner_id, state, intent_category, agent_mode,"
                  + " agent_round, version, participant_count, accepted_count,"
                  + " encrypted_payload, encrypted_blob_version, last_actor_id, last_action,"
                  + " created_at, updated_at, expires_at, activated_at)"
                  + " SELECT md5(i::text)::uuid, 'user-' || (i % "
                  + USERS
                  + "), 'active', 'coffee', 'manual', 0, 1, 2, 1, 'cGF5bG9hZA==', 1,"
                  + " 'user-' || (i % "
                  + USERS
                  + "), 'start', ts, ts, ts + interval '7 days', ts"
                  + " FROM generate_series(1, "
                  + NEGOTIATIONS
                  + ") AS i, LATERAL (SELECT TIMESTAMPTZ '2026-11-23 10:00:00+00'"
                  + " - i * interval '5 seconds' AS ts) t");
          h.execute(
              "INSERT INTO participants (negotiation_id, user_id, position, role, status,"
                  + " negotiation_updated_at, visible)"
                  + " SELECT id, owner_id, 0, 'organizer', 'accepted', updated_at, true"
                  + " FROM negotiations");
          h.execute(
              "INSERT INTO participants (negotiation_id, user_id, position, role, status,"
                  + " negotiation_updated_at, visible)"
                  + " SELECT id, 'user-' || ((substr(owner_id, 6)::int + 1) % "
                  + USERS
                  + "), 1, 'invitee', 'pending', updated_at, true FROM negotiations");
          h.execute(
              "INSERT INTO events (id, owner_id, negotiation_id, source, status, starts_at,"
                  + " ends_at, timezone, encrypted_payload, encrypted_blob_version, created_at,"
                  + " updated_at)"
                  + " SELECT gen_random_uuid(), owner_id, id, 'negotiation', 'confirmed',"
                  + " updated_at + interval '30 days', updated_at + interval '31 days', 'UTC',"
                  + " 'cGF5bG9hZA==', 1, updated_at, updated_at FROM negotiations");
          h.execute("ANALYZE");
        });
  }

  @AfterAll
  static void close() {
    db.close();
  }

  private static String lines(Query explain) {
    return explain.mapTo(String.class).list().stream().collect(Collectors.joining("\n"));
  }

  @Test
  void theDataIsLoaded() {
    long rows =
        jdbi.withHandle(
            h -> h.createQuery("SELECT count(*) FROM negotiations").mapTo(Long.class).one());
    assertThat(rows).isEqualTo(NEGOTIATIONS);
  }

  @Test
  void aUsersNegotiationListIsAnIndexRangeScan() {
    for (NegotiationQuery q :
        List.of(
            new NegotiationQuery(Set.of(), null, false, null, null),
            new NegotiationQuery(
                Set.of(NegotiationState.ACTIVE),
                null,
                true,
                null,
                new Keyset(NOW, UUID.randomUUID())))) {
      String plan =
          jdbi.withHandle(
              h ->
                  lines(
                      NegotiationListQuery.bindList(
                          h.createQuery("EXPLAIN " + NegotiationListQuery.listSql(q)),
                          new UserId("user-4242"),
                          q,
                          NOW,
                          21)));
      assertThat(plan).contains("participants_user_feed").doesNotContain("Seq Scan");
    }
  }

  @Test
  void upcomingEventsAreAnIndexRangeScan() {
    String plan =
        jdbi.withHandle(
            h ->
                h
                    .createQuery("EXPLAIN " + PgEventRepository.UPCOMING_SQL)
                    .bind("owner", "user-4242")
                    .bind("after", Sql.ts(NOW))
                    .bind("limit", 20)
                    .mapTo(String.class)
                    .list()
                    .stream()
                    .collect(Collectors.joining("\n")));
    assertThat(plan).contains("events_owner_upcoming").doesNotContain("Seq Scan");
  }

  @Test
  void theEventFeedIsAnIndexRangeScan() {
    String plan =
        jdbi.withHandle(
            h ->
                h
                    .createQuery(
                        "EXPLAIN "
                            + PgEventRepository.listSql(
                                new com.kairos.application.port.EventQuery(null, null, null)))
                    .bind("owner", "user-4242")
                    .bind("limit", 21)
                    .mapTo(String.class)
                    .list()
                    .stream()
                    .collect(Collectors.joining("\n")));
    assertThat(plan).contains("events_owner_feed").doesNotContain("Seq Scan");
  }
}
