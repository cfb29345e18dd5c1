package com.kairos.bench;

import com.kairos.firebase.testing.TestTokens;
import com.kairos.migrations.Migrations;
import com.kairos.postgres.DatabaseUrl;
import com.kairos.postgres.PostgresAdapter;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
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

  private final Duration warmup = Duration.ofSeconds(env("BENCH_WARMUP", 3));
  private final Duration measure = Duration.ofSeconds(env("BENCH_SECONDS", 8));
  private final int[] clients = ints(System.getenv().getOrDefault("BENCH_CLIENTS", "1,8,32,128"));
  private final int[] scales =
      ints(System.getenv().getOrDefault("BENCH_SCALES", "1000,100000,1000000"));
  private final Path root =
      Path.of(System.getenv().getOrDefault("BENCH_ROOT", ".")).toAbsolutePath();
  private final Path work = Files.createTempDirectory("kairos-bench");
  private final Scenarios scenarios = new Scenarios();
  private final Seeder seeder = new Seeder(scenarios);
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
            new SideBySide(
                    this,
                    (int) env("BENCH_SBS_CLIENTS", 32),
                    (int) env("BENCH_ROUNDS", 2),
                    Duration.ofSeconds(env("BENCH_SETTLE", 40)))
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
      new FullRun(this, clients, scales).run(machine);
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

  Function<ThreadLocalRandom, Load.Call> next(String scenario, Seeded s, int level) {
    return scenarios.next(scenario, s, level);
  }

  BiConsumer<Load.Call, HttpResponse<String>> observe(Seeded s) {
    return scenarios.observe(s);
  }

  Load.Call get(String path) {
    return scenarios.get(path);
  }

  // ------------------------------------------------------------------ seeding

  Seeded seed(int port, DatabaseUrl db) throws Exception {
    return seed(port, db, clients);
  }

  /** Seeds, with the reply scenario's group negotiations for each of {@code levels}. */
  Seeded seed(int port, DatabaseUrl db, int[] levels) throws Exception {
    return seeder.seed(port, db, levels);
  }

  // ------------------------------------------------------------------ pgbench

  double pgbench(DatabaseUrl db, String scenario, int c, Seeded seeded) throws Exception {
    return PgBench.tps(this, db, scenario, c, seeded);
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
