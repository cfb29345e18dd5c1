package com.kairos.bench;

import static com.kairos.bench.Bench.READER;
import static com.kairos.bench.Bench.connect;
import static com.kairos.bench.Bench.say;

import com.kairos.application.expiry.ExpireDueNegotiations;
import com.kairos.application.negotiation.TransitionRecorder;
import com.kairos.postgres.DatabaseUrl;
import com.kairos.postgres.PostgresAdapter;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Locale;

/** The scale series' data ({@link FullRun}): bulk-loaded negotiations and the expiry sweep. */
final class ScaleData {
  private ScaleData() {}

  /** N negotiations for 100,000 background users, plus the reader's 200 and 100 events. */
  static void bulkLoad(DatabaseUrl db, int n) throws SQLException {
    long t0 = System.nanoTime();
    try (Connection c = connect(db);
        Statement s = c.createStatement()) {
      s.execute("SET synchronous_commit = off");
      s.execute(
          "INSERT INTO negotiations (id, owner_id, state, cancel_reason, intent_category, agent_mode,"
              + " agent_round, version, participant_count, accepted_count, encrypted_payload,"
              + " encrypted_blob_version, last_actor_id, last_action, created_at, updated_at, expires_at,"
              + " activated_at)"
              // Like a swept production database: past their expiry, old negotiations are
              // cancelled.
              + " SELECT md5('bg' || i)::uuid, 'user-' || (i % 100000),"
              + " CASE WHEN ts + interval '7 days' > now() THEN 'active' ELSE 'cancelled' END,"
              + " CASE WHEN ts + interval '7 days' > now() THEN NULL ELSE 'expired' END,"
              + " 'coffee', 'manual', 0, 1, 2, 1,"
              + " 'cGF5bG9hZA==', 1, 'user-' || (i % 100000), 'start', ts, ts, ts + interval '7 days', ts"
              + " FROM generate_series(1, "
              + n
              + ") AS i,"
              + " LATERAL (SELECT now() - i * interval '5 seconds' AS ts) t");
      s.execute(
          "INSERT INTO participants (negotiation_id, user_id, position, role, status, negotiation_updated_at, visible)"
              + " SELECT id, owner_id, 0, 'organizer', 'accepted', updated_at, true FROM negotiations");
      s.execute(
          "INSERT INTO participants (negotiation_id, user_id, position, role, status, negotiation_updated_at, visible)"
              + " SELECT id, 'user-' || ((substr(owner_id, 6)::int + 1) % 100000), 1, 'invitee', 'pending', updated_at, true"
              + " FROM negotiations");
      s.execute(
          "INSERT INTO events (id, owner_id, negotiation_id, source, status, starts_at, ends_at, timezone,"
              + " encrypted_payload, encrypted_blob_version, created_at, updated_at)"
              + " SELECT gen_random_uuid(), owner_id, id, 'negotiation', 'confirmed', updated_at + interval '30 days',"
              + " updated_at + interval '31 days', 'UTC', 'cGF5bG9hZA==', 1, updated_at, updated_at FROM negotiations");
      // The measured user: 200 negotiations (as invitee) and 100 upcoming events.
      s.execute(
          "INSERT INTO negotiations (id, owner_id, state, intent_category, agent_mode, agent_round, version,"
              + " participant_count, accepted_count, encrypted_payload, encrypted_blob_version, last_actor_id, last_action,"
              + " created_at, updated_at, expires_at, activated_at)"
              + " SELECT md5('rd' || i)::uuid, 'bench-org-' || (i % 20), 'active', 'dinner', 'manual', 0, 1, 2, 1,"
              + " 'cGF5bG9hZA==', 1, 'bench-org-' || (i % 20), 'start', now() - i * interval '1 minute',"
              + " now() - i * interval '1 minute', now() + interval '7 days', now() FROM generate_series(1, 200) AS i");
      s.execute(
          "INSERT INTO participants (negotiation_id, user_id, position, role, status, negotiation_updated_at, visible)"
              + " SELECT id, '"
              + READER
              + "', 1, 'invitee', 'pending', updated_at, true FROM negotiations WHERE owner_id LIKE 'bench-org-%'");
      s.execute(
          "INSERT INTO participants (negotiation_id, user_id, position, role, status, negotiation_updated_at, visible)"
              + " SELECT id, owner_id, 0, 'organizer', 'accepted', updated_at, true FROM negotiations WHERE owner_id LIKE 'bench-org-%'");
      s.execute(
          "INSERT INTO events (id, owner_id, source, status, starts_at, timezone, encrypted_payload,"
              + " encrypted_blob_version, created_at, updated_at)"
              + " SELECT gen_random_uuid(), '"
              + READER
              + "', 'manual', 'confirmed', now() + i * interval '1 hour', 'UTC',"
              + " 'cGF5bG9hZA==', 1, now(), now() FROM generate_series(1, 100) AS i");
      s.execute("ANALYZE");
    }
    say(
        String.format(
            Locale.ROOT,
            "bulk-loaded %,d negotiations in %.0f s",
            n,
            (System.nanoTime() - t0) / 1e9));
  }

  /** Milliseconds for the sweep to persist {@code count} due expiries. */
  static double sweep(DatabaseUrl db, int count) throws SQLException {
    try (Connection c = connect(db);
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO negotiations (id, owner_id, state, intent_category, agent_mode, agent_round, version,"
              + " participant_count, accepted_count, encrypted_payload, encrypted_blob_version, last_actor_id, last_action,"
              + " created_at, updated_at, expires_at, activated_at)"
              + " SELECT md5('due' || i)::uuid, 'due-' || i, 'active', 'coffee', 'manual', 0, 1, 2, 1, 'cGF5bG9hZA==', 1,"
              + " 'due-' || i, 'start', now() - interval '8 days', now() - interval '8 days', now() - interval '1 day',"
              + " now() - interval '8 days' FROM generate_series(1, "
              + count
              + ") AS i");
      s.execute(
          "INSERT INTO participants (negotiation_id, user_id, position, role, status, negotiation_updated_at, visible)"
              + " SELECT id, owner_id, 0, 'organizer', 'accepted', updated_at, true FROM negotiations WHERE owner_id LIKE 'due-%'");
      s.execute(
          "INSERT INTO participants (negotiation_id, user_id, position, role, status, negotiation_updated_at, visible)"
              + " SELECT id, 'due-friend-' || owner_id, 1, 'invitee', 'pending', updated_at, true FROM negotiations WHERE owner_id LIKE 'due-%'");
      s.execute(
          "INSERT INTO proposed_slots (negotiation_id, id, starts_at, ends_at, timezone, proposed_by, round, position)"
              + " SELECT id, gen_random_uuid(), expires_at + interval '1 day', expires_at + interval '25 hours', 'UTC', owner_id, 0, 0"
              + " FROM negotiations WHERE owner_id LIKE 'due-%'");
      s.execute("ANALYZE");
    }
    try (HikariDataSource pool =
        PostgresAdapter.pool(db.jdbcUrl(), db.user(), db.password(), 1, 4)) {
      PostgresAdapter adapter = new PostgresAdapter(pool);
      ExpireDueNegotiations sweeper =
          new ExpireDueNegotiations(
              adapter.transactions(),
              adapter.sweep(),
              new TransitionRecorder(adapter.negotiations(), adapter.events(), adapter.outbox()),
              Clock.systemUTC(),
              500);
      long t0 = System.nanoTime();
      int expired = sweeper.sweep();
      double millis = (System.nanoTime() - t0) / 1e6;
      // A few loaded negotiations may cross their expiry during the run: count what was done.
      if (expired < count) {
        throw new IllegalStateException("the sweep expired " + expired + " of " + count);
      }
      return millis * 10_000 / expired;
    }
  }
}
