package com.kairos.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kairos.application.expiry.ExpireDueNegotiations;
import com.kairos.firebase.testing.TestTokens;
import com.kairos.migrations.Migrations;
import com.kairos.postgres.DatabaseUrl;
import com.kairos.postgres.PostgresAdapter;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * The benchmark: starts PostgreSQL and the real server jar (trusting a test certificate, so every
 * request does production RS256 verification), seeds data, drives each scenario at several
 * concurrencies, runs pgbench with the same SQL for the database's own limit, measures the scale
 * series and the expiry sweep, and writes docs/benchmarks.md. Prints figures; never fails on time.
 */
public final class Bench {
  static final String PROJECT = "kairos-bench";
  static final String READER = "bench-reader";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BLOB = "ZW5jcnlwdGVkIHByb3Bvc2FsIGZvciBiZW5jaG1hcmtz";

  private final Duration warmup = Duration.ofSeconds(env("BENCH_WARMUP", 3));
  private final Duration measure = Duration.ofSeconds(env("BENCH_SECONDS", 8));
  private final int[] clients = ints(System.getenv().getOrDefault("BENCH_CLIENTS", "1,8,32,128"));
  private final int[] scales =
      ints(System.getenv().getOrDefault("BENCH_SCALES", "1000,100000,1000000"));
  private final Path root =
      Path.of(System.getenv().getOrDefault("BENCH_ROOT", ".")).toAbsolutePath();
  private final Path work = Files.createTempDirectory("kairos-bench");
  private final TestTokens tokens = new TestTokens(PROJECT);
  private final Map<String, String> tokenCache = new ConcurrentHashMap<>();
  private DatabaseUrl server;

  private Bench() throws IOException {}

  Duration warmup() {
    return warmup;
  }

  Duration measure() {
    return measure;
  }

  Path root() {
    return root;
  }

  Path work() {
    return work;
  }

  Path certificates() {
    return TestTokens.certificatesFile();
  }

  public static void main(String[] args) throws Exception {
    new Bench().run();
  }

  private void run() throws Exception {
    EmbeddedPostgres embedded = null;
    String configured = System.getenv("DATABASE_URL");
    if (configured == null || configured.isBlank()) {
      embedded =
          EmbeddedPostgres.builder()
              .setServerConfig("max_connections", "300")
              .setServerConfig("shared_buffers", "512MB")
              .setServerConfig("shared_preload_libraries", "pg_stat_statements")
              .setServerConfig("pg_stat_statements.track_utility", "on")
              .start();
      server =
          DatabaseUrl.of(
              "jdbc:postgresql://localhost:" + embedded.getPort() + "/postgres", "postgres", null);
    } else {
      server = DatabaseUrl.parse(configured);
    }
    try {
      String machine = machine();
      say("machine: " + machine.replace('\n', ' '));
      if ("side-by-side".equals(System.getenv("BENCH_MODE"))) {
        String section =
            new SideBySide(this, (int) env("BENCH_SBS_CLIENTS", 32), (int) env("BENCH_ROUNDS", 2))
                .run(machine);
        Path out = root.resolve(System.getenv().getOrDefault("BENCH_OUTPUT", "docs/benchmarks.md"));
        SideBySide.write(out, section);
        System.out.println(section);
        say("written to " + out);
        return;
      }
      if ("push".equals(System.getenv("BENCH_MODE"))) {
        Path out = root.resolve(System.getenv().getOrDefault("BENCH_OUTPUT", "docs/benchmarks.md"));
        String section =
            new PushBench(
                    this,
                    (int) env("BENCH_PUSH_CLIENTS", 32),
                    Duration.ofSeconds(env("BENCH_PUSH_DRAIN", 60)))
                .run(machine, Files.exists(out) ? Files.readString(out) : "");
        SideBySide.write(out, PushBench.START, PushBench.END, section);
        System.out.println(section);
        say("written to " + out);
        return;
      }
      List<Load.Result> results = new ArrayList<>();
      Map<String, Double> pgbench = new HashMap<>();
      DatabaseUrl db = createDatabase("kairos_bench_main");
      try (ServerProcess app = startServer(db)) {
        Seeded seeded = seed(app.port, db);
        Load load = new Load(app.port);
        for (String scenario : List.of("get", "reply", "start", "list", "upcoming")) {
          for (int c : clients) {
            Load.Result r =
                load.run(
                    scenario, c, warmup, measure, app, next(scenario, seeded, c), observe(seeded));
            results.add(r);
            say(line(r));
          }
        }
        for (String scenario : List.of("get", "reply", "start", "list", "upcoming")) {
          for (int c : clients) {
            double tps = pgbench(db, scenario, c, seeded);
            pgbench.put(scenario + "/" + c, tps);
            say(String.format(Locale.ROOT, "pgbench %-9s c=%-3d tps=%.0f", scenario, c, tps));
          }
        }
      }
      List<String> scaleRows = new ArrayList<>();
      double sweepMillis = -1;
      for (int n : scales) {
        DatabaseUrl scaleDb = createDatabase("kairos_bench_scale_" + n);
        bulkLoad(scaleDb, n);
        try (ServerProcess app = startServer(scaleDb)) {
          Load load = new Load(app.port);
          Load.Result list =
              load.run(
                  "list",
                  1,
                  warmup,
                  measure,
                  app,
                  c -> get("/negotiations?limit=20"),
                  (a, b) -> {});
          Load.Result upcoming =
              load.run(
                  "upcoming", 1, warmup, measure, app, c -> get("/events/upcoming"), (a, b) -> {});
          scaleRows.add(
              String.format(
                  Locale.ROOT,
                  "| %,d | %.2f | %.2f | %.2f | %.2f |",
                  n,
                  list.p50Micros() / 1000.0,
                  list.p99Micros() / 1000.0,
                  upcoming.p50Micros() / 1000.0,
                  upcoming.p99Micros() / 1000.0));
          say("scale " + scaleRows.get(scaleRows.size() - 1));
        }
        if (n == scales[scales.length - 1]) {
          sweepMillis = sweep(scaleDb, 10_000);
          say(
              String.format(
                  Locale.ROOT, "sweep: 10,000 due negotiations expired in %.0f ms", sweepMillis));
        }
      }
      String report =
          Report.markdown(machine, warmup, measure, results, pgbench, scaleRows, sweepMillis);
      Path out = root.resolve(System.getenv().getOrDefault("BENCH_OUTPUT", "docs/benchmarks.md"));
      String previous = Files.exists(out) ? Files.readString(out) : "";
      Files.writeString(out, report);
      // The side-by-side and push runs write their own sections: keep them.
      for (String[] markers :
          List.of(
              new String[] {SideBySide.START, SideBySide.END},
              new String[] {PushBench.START, PushBench.END})) {
        int kept = previous.indexOf(markers[0]);
        int keptEnd = previous.indexOf(markers[1]);
        if (kept >= 0 && keptEnd > kept) {
          SideBySide.write(
              out,
              markers[0],
              markers[1],
              previous.substring(kept, keptEnd + markers[1].length()) + "\n");
        }
      }
      System.out.println(report);
      say("written to " + out);
    } finally {
      if (embedded != null) {
        embedded.close();
      }
    }
  }

  // ------------------------------------------------------------------ scenarios

  /** Ids the scenarios pick from. */
  record Seeded(
      List<String> readable, Map<Integer, List<String>> replySets, List<String> pgReply) {}

  private final Map<String, Long> versions = new ConcurrentHashMap<>();

  Function<ThreadLocalRandom, Load.Call> next(String scenario, Seeded s, int level) {
    switch (scenario) {
      case "get":
        return r -> get("/negotiations/" + s.readable().get(r.nextInt(s.readable().size())));
      case "list":
        return r -> get("/negotiations?limit=20");
      case "upcoming":
        return r -> get("/events/upcoming");
      case "start":
        return r -> {
          String owner = "bench-owner-" + r.nextInt(100);
          return new Load.Call(
              "POST",
              "/negotiate/start",
              token(owner),
              startBody(
                  UUID.randomUUID(),
                  List.of(
                      "bench-friend-" + r.nextInt(1000),
                      "bench-friend-" + (1000 + r.nextInt(1000))),
                  Instant.now().plus(Duration.ofDays(2 + r.nextInt(20)))));
        };
      case "reply":
        List<String> set = s.replySets().get(level);
        return r -> {
          int k = r.nextInt(set.size());
          String id = set.get(k);
          String user = "bench-g" + level + "-" + k + "-" + (1 + r.nextInt(9));
          StringBuilder body = new StringBuilder("{\"negotiation_id\": \"" + id + "\"");
          Long version = versions.get(id);
          if (version != null && r.nextBoolean()) {
            body.append(", \"expected_version\": ").append(version);
          }
          if (r.nextInt(100) < 15) {
            body.append(", \"action\": \"counter\", \"counter_payload\": \"")
                .append(BLOB)
                .append("\", \"counter_slots\": [{\"starts_at\": \"")
                .append(
                    Instant.now()
                        .plus(Duration.ofDays(3 + r.nextInt(30)))
                        .truncatedTo(java.time.temporal.ChronoUnit.MINUTES))
                .append("\"}]");
          } else {
            body.append(", \"action\": \"accept\"");
          }
          return new Load.Call(
              "POST", "/negotiate/reply", token(user), body.append('}').toString());
        };
      default:
        throw new IllegalArgumentException(scenario);
    }
  }

  java.util.function.BiConsumer<Load.Call, HttpResponse<String>> observe(Seeded s) {
    return (call, response) -> {
      if (call.path().equals("/negotiate/reply") && response.statusCode() == 200) {
        try {
          JsonNode data = JSON.readTree(response.body()).get("data");
          versions.merge(data.get("id").asText(), data.get("version").asLong(), Math::max);
        } catch (IOException e) {
          // ignore
        }
      }
    };
  }

  Load.Call get(String path) {
    return new Load.Call("GET", path, token(READER), null);
  }

  private String token(String user) {
    return tokenCache.computeIfAbsent(user, u -> tokens.sign(u, null));
  }

  private static String startBody(UUID id, List<String> invitees, Instant start) {
    StringBuilder ids = new StringBuilder();
    for (String i : invitees) {
      ids.append(ids.length() == 0 ? "" : ",").append('"').append(i).append('"');
    }
    return "{\"id\": \""
        + id
        + "\", \"intent_category\": \"dinner\", \"participant_ids\": ["
        + ids
        + "], \"proposed_slots\": [{\"starts_at\": \""
        + start.truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
        + "\"}, {\"starts_at\": \""
        + start.plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
        + "\"}, {\"starts_at\": \""
        + start.plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
        + "\"}], \"proposed_venues\": [{\"name\": \"Somewhere\"}, {\"latitude\": 1.5, \"longitude\": 2.5}],"
        + " \"encrypted_payload\": \""
        + BLOB
        + "\"}";
  }

  // ------------------------------------------------------------------ seeding

  Seeded seed(int port, DatabaseUrl db) throws Exception {
    return seed(port, db, clients);
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
                  token("bench-org-" + (i % 20)),
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
                  token(READER),
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
                  token(prefix + "-" + k + "-0"),
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

  /** N negotiations for 100,000 background users, plus the reader's 200 and 100 events. */
  private void bulkLoad(DatabaseUrl db, int n) throws SQLException {
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
  private double sweep(DatabaseUrl db, int count) throws SQLException {
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
              adapter.negotiations(),
              adapter.outbox(),
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

  // ------------------------------------------------------------------ pgbench

  double pgbench(DatabaseUrl db, String scenario, int c, Seeded seeded) throws Exception {
    String script = "get".equals(scenario) ? "get_negotiation" : scenario;
    Path file = work.resolve(script + ".sql");
    try (InputStream in = Bench.class.getResourceAsStream("/pgbench/" + script + ".sql")) {
      Files.write(file, in.readAllBytes());
    }
    java.net.URI uri = java.net.URI.create(db.jdbcUrl().substring("jdbc:".length()));
    int ids = "reply".equals(scenario) ? seeded.pgReply().size() : seeded.readable().size();
    List<String> command =
        new ArrayList<>(
            List.of(
                "pgbench",
                "-n",
                "-M",
                "prepared",
                "-c",
                String.valueOf(c),
                "-j",
                String.valueOf(Math.min(c, 2)),
                "-T",
                String.valueOf(measure.toSeconds()),
                "-D",
                "ids=" + ids,
                "-f",
                file.toString(),
                "-h",
                uri.getHost(),
                "-p",
                String.valueOf(uri.getPort()),
                "-U",
                db.user(),
                uri.getPath().substring(1)));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    if (db.password() != null) {
      pb.environment().put("PGPASSWORD", db.password());
    }
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("tps = ([0-9.]+) \\(without initial").matcher(out);
    if (!m.find()) {
      say("pgbench output: " + out);
      return Double.NaN;
    }
    return Double.parseDouble(m.group(1));
  }

  // ------------------------------------------------------------------ plumbing

  ServerProcess startServer(DatabaseUrl db) throws Exception {
    return startServer(db, Map.of());
  }

  /** The server on {@code db}, with {@code extra} added to (or replacing) the bench's settings. */
  ServerProcess startServer(DatabaseUrl db, Map<String, String> extra) throws Exception {
    Path certificates = TestTokens.certificatesFile();
    Map<String, String> env = new HashMap<>();
    env.put("KAIROS_ENV", "staging");
    env.put(
        "DATABASE_URL",
        db.jdbcUrl()
            + "?user="
            + db.user()
            + (db.password() == null ? "" : "&password=" + db.password()));
    env.put("DATABASE_POOL_MAX", "16");
    env.put("FIREBASE_PROJECT_ID", PROJECT);
    env.put("FIREBASE_TEST_CERTIFICATES", certificates.toString());
    env.put("CURSOR_SECRET", "benchmark-cursor-secret-of-32-bytes-or-more");
    env.put("LOG_LEVEL", "WARN");
    env.put("RATE_LIMIT_GLOBAL", "100000000");
    env.put("RATE_LIMIT_PER_USER", "1000000");
    env.put("RATE_LIMIT_PER_USER_WRITE", "1000000");
    env.put("RATE_LIMIT_BURST", "1000000");
    // The load generator drives many connections as one user and up to 128 at once: the
    // per-account and queue caps would shed it (they are measured separately, not here).
    env.put("HTTP_MAX_IN_FLIGHT_PER_USER", "10000");
    env.put("HTTP_MAX_QUEUED", "1000");
    env.put("EXPIRY_SWEEP_INTERVAL_SECONDS", "3600");
    env.putAll(extra);
    return ServerProcess.start(
        root.resolve("bootstrap/target/kairos-server.jar"),
        env,
        freePort(),
        work.resolve("server-" + System.nanoTime() + ".log"));
  }

  DatabaseUrl createDatabase(String name) throws SQLException {
    try (Connection c = connect(server);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name);
      s.execute("CREATE DATABASE " + name);
    }
    DatabaseUrl db = server.withDatabase(name);
    try (HikariDataSource pool =
        PostgresAdapter.pool(db.jdbcUrl(), db.user(), db.password(), 1, 2)) {
      new Migrations(pool).migrate();
    }
    return db;
  }

  static Connection connect(DatabaseUrl db) throws SQLException {
    return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
  }

  private String machine() throws Exception {
    String memory = "?";
    for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
      if (line.startsWith("MemTotal:")) {
        memory = Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024 / 1024 + " GiB";
      }
    }
    String cpu = "?";
    for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
      if (line.startsWith("model name")) {
        cpu = line.substring(line.indexOf(':') + 2);
        break;
      }
    }
    String pg;
    try (Connection c = connect(server);
        var rs = c.createStatement().executeQuery("SHOW server_version")) {
      rs.next();
      pg = rs.getString(1);
    }
    return Runtime.getRuntime().availableProcessors()
        + " cores ("
        + cpu
        + "), "
        + memory
        + " memory\nJDK "
        + System.getProperty("java.version")
        + " ("
        + System.getProperty("java.vm.name")
        + ")\nPostgreSQL "
        + pg
        + (System.getenv("DATABASE_URL") == null ? " (embedded)" : "");
  }

  static String line(Load.Result r) {
    return String.format(
        Locale.ROOT,
        "%-9s c=%-3d %8.0f req/s  p50 %6.2f  p95 %6.2f  p99 %6.2f  max %7.2f ms  %s  cpu %.2f  rss %d MiB",
        r.scenario(),
        r.clients(),
        r.rps(),
        r.p50Micros() / 1000.0,
        r.p95Micros() / 1000.0,
        r.p99Micros() / 1000.0,
        r.maxMicros() / 1000.0,
        r.statuses(),
        r.serverCpuCores(),
        r.peakRssMib());
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static void say(String message) {
    System.err.println("bench: " + message);
  }

  private static long env(String name, long fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : Long.parseLong(v.strip());
  }

  private static int[] ints(String csv) {
    return java.util.Arrays.stream(csv.split(","))
        .map(String::strip)
        .mapToInt(Integer::parseInt)
        .toArray();
  }
}
