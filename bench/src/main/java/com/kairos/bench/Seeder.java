package com.kairos.bench;

import static com.kairos.bench.Bench.READER;
import static com.kairos.bench.Bench.connect;
import static com.kairos.bench.Bench.say;
import static com.kairos.bench.Scenarios.BLOB;
import static com.kairos.bench.Scenarios.startBody;

import com.kairos.bench.Bench.Seeded;
import com.kairos.postgres.DatabaseUrl;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The seed the scenarios pick from ({@link Bench}), made through the server's own API. */
final class Seeder {
  private final Scenarios scenarios;

  Seeder(Scenarios scenarios) {
    this.scenarios = scenarios;
  }

  /** Seeds, with the reply scenario's group negotiations for each of {@code levels}. */
  Seeded seed(int port, DatabaseUrl db, int[] levels) throws Exception {
    Load load = new Load(port);
    List<String> readable = new ArrayList<>();
    Instant later = Instant.now().plus(Duration.ofDays(10));
    for (int i = 0; i < 200; i++) {
      UUID id = UUID.randomUUID();
      expect(
          load.send(
              new Load.Call(
                  "POST",
                  "/negotiate/start",
                  scenarios.token("bench-org-" + (i % 20)),
                  startBody(id, List.of(READER, "bench-x-" + i), later))),
          201);
      readable.add(id.toString());
    }
    for (int i = 0; i < 100; i++) {
      expect(
          load.send(
              new Load.Call(
                  "POST",
                  "/events",
                  scenarios.token(READER),
                  "{\"id\": \""
                      + UUID.randomUUID()
                      + "\", \"starts_at\": \""
                      + later.plus(Duration.ofHours(i))
                      + "\", \"encrypted_payload\": \""
                      + BLOB
                      + "\"}")),
          201);
    }
    Map<Integer, List<String>> replySets = new HashMap<>();
    for (int level : levels) {
      replySets.put(level, groupNegotiations(load, "bench-g" + level, 128, later));
    }
    List<String> pgReply = groupNegotiations(load, "bench-pg", 128, later);
    try (Connection c = connect(db);
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE bench_ids (kind text, n int, negotiation_id uuid, PRIMARY KEY (kind, n))");
      insertIds(s, "read", readable);
      insertIds(s, "pgreply", pgReply);
      s.execute("ANALYZE");
    }
    say(
        "seeded: 200 readable negotiations, 100 upcoming events, "
            + (levels.length + 1) * 128
            + " group negotiations of 10 participants");
    return new Seeded(readable, replySets, pgReply);
  }

  private List<String> groupNegotiations(Load load, String prefix, int count, Instant later)
      throws Exception {
    List<String> ids = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      List<String> invitees = new ArrayList<>();
      for (int p = 1; p <= 9; p++) {
        invitees.add(prefix + "-" + k + "-" + p);
      }
      UUID id = UUID.randomUUID();
      expect(
          load.send(
              new Load.Call(
                  "POST",
                  "/negotiate/start",
                  scenarios.token(prefix + "-" + k + "-0"),
                  startBody(id, invitees, later))),
          201);
      ids.add(id.toString());
    }
    return ids;
  }

  private static void insertIds(Statement s, String kind, List<String> ids) throws SQLException {
    for (int i = 0; i < ids.size(); i++) {
      s.execute(
          "INSERT INTO bench_ids VALUES ('" + kind + "', " + (i + 1) + ", '" + ids.get(i) + "')");
    }
  }

  private static void expect(HttpResponse<String> response, int status) {
    if (response.statusCode() != status) {
      throw new IllegalStateException(
          "seeding failed with " + response.statusCode() + ": " + response.body());
    }
  }
}
