package com.kairos.bench;

import com.kairos.postgres.DatabaseUrl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * The side-by-side run: this server and the Fastify peer ({@code ../shared/peers/fastify}) on the
 * same database, the same negotiation, the same token and the same load generator, in alternation
 * (at least two rounds each), plus pgbench on the same SQL, the statements PostgreSQL received per
 * request (pg_stat_statements) and the load average at every run. Writes its section of
 * docs/benchmarks.md and prints it.
 */
final class SideBySide {
  static final String START = "<!-- side-by-side:start -->";
  static final String END = "<!-- side-by-side:end -->";

  /** One measured run. */
  record Run(String server, Load.Result result, String loadAverage) {}

  private final Bench bench;
  private final int clients;
  private final int rounds;
  private final Duration settle;

  SideBySide(Bench bench, int clients, int rounds, Duration settle) {
    this.bench = bench;
    this.clients = clients;
    this.rounds = rounds;
    this.settle = settle;
  }

  String run(String machine) throws Exception {
    DatabaseUrl db = bench.createDatabase("kairos_bench_sbs");
    List<Run> runs = new ArrayList<>();
    Map<String, Double> statements = new HashMap<>();
    Map<String, Double> pgbench = new HashMap<>();
    Path peer = FastifyPeer.install(bench);
    try (ServerProcess java = bench.startServer(db)) {
      Bench.Seeded seeded = bench.seed(java.port, db);
      String path = "/negotiations/" + seeded.readable().get(0);
      try (ServerProcess node =
          ServerProcess.startNode(
              peer,
              FastifyPeer.env(bench, db),
              Bench.freePort(),
              bench.work().resolve("peer.log"),
              path)) {
        Load javaLoad = new Load(java.port);
        Load nodeLoad = new Load(node.port);
        statements.put("get", perRequest(db, javaLoad, "get", seeded, path, 500));
        settle(javaLoad, java, "get", seeded, path);
        settle(nodeLoad, node, "get", seeded, path);
        for (int round = 0; round < rounds; round++) {
          runs.add(new Run("java", measure(javaLoad, java, "get", seeded, path), loadAverage()));
          runs.add(new Run("fastify", measure(nodeLoad, node, "get", seeded, path), loadAverage()));
        }
      }
      Load replies = new Load(java.port);
      statements.put("reply", perRequest(db, replies, "reply", seeded, null, 300));
      settle(replies, java, "reply", seeded, null);
      runs.add(new Run("java", measure(replies, java, "reply", seeded, null), loadAverage()));
      for (String scenario : List.of("get", "reply")) {
        pgbench.put(scenario, bench.pgbench(db, scenario, clients, seeded));
      }
    }
    return report(machine, runs, pgbench, statements);
  }

  /**
   * Load with nothing measured, once per server and scenario before its first measured run, until
   * the JIT compilers have done most of their work: a server in production runs for hours, and on
   * two shared cores C2 was still taking a third of the Java server's CPU 20 s into the load.
   */
  private void settle(
      Load load, ServerProcess server, String scenario, Bench.Seeded seeded, String path) {
    if (settle.isZero()) {
      return;
    }
    Bench.say("settling " + scenario + " for " + settle.toSeconds() + " s");
    try {
      load.warm(clients, settle, callsOf(scenario, seeded, path), bench.observe(seeded));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The calls of {@code scenario}: always the GET of {@code path} when given. */
  private Function<ThreadLocalRandom, Load.Call> callsOf(
      String scenario, Bench.Seeded seeded, String path) {
    return path == null ? bench.next(scenario, seeded, clients) : c -> bench.get(path);
  }

  private Load.Result measure(
      Load load, ServerProcess server, String scenario, Bench.Seeded seeded, String path) {
    try {
      Load.Result r =
          load.run(
              scenario,
              clients,
              bench.warmup(),
              bench.measure(),
              server,
              callsOf(scenario, seeded, path),
              bench.observe(seeded));
      Bench.say(Bench.line(r));
      return r;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Statements PostgreSQL executed per request (pg_stat_statements, utility statements such as
   * BEGIN and COMMIT included) over {@code count} requests of {@code scenario} sent one at a time.
   */
  private double perRequest(
      DatabaseUrl db, Load load, String scenario, Bench.Seeded seeded, String path, int count)
      throws Exception {
    try (Connection c = Bench.connect(db);
        Statement s = c.createStatement()) {
      s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
      var next = path == null ? bench.next(scenario, seeded, 1) : null;
      var observe = bench.observe(seeded);
      long before = calls(s);
      for (int i = 0; i < count; i++) {
        Load.Call call =
            next == null
                ? bench.get(path)
                : next.apply(java.util.concurrent.ThreadLocalRandom.current());
        observe.accept(call, load.send(call));
      }
      long after = calls(s) - 1; // the counting query itself
      return (after - before) / (double) count;
    }
  }

  private static long calls(Statement s) throws SQLException {
    try (ResultSet rs =
        s.executeQuery(
            "SELECT coalesce(sum(calls), 0) FROM pg_stat_statements"
                + " WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "n/a";
    }
  }

  private String report(
      String machine, List<Run> runs, Map<String, Double> pgbench, Map<String, Double> statements) {
    StringBuilder out = new StringBuilder();
    out.append(START).append("\n## Side by side with the Fastify peer\n\n");
    out.append("`scripts/bench.sh --side-by-side`: ").append(machine.replace('\n', ' '));
    out.append(
        String.format(
            Locale.ROOT,
            ". %d closed-loop clients; each server first settles under the load of each scenario"
                + " for %d s (unmeasured: the JIT's warm-up), then %d s warm-up and %d s measured"
                + " per run; the Java server and"
                + " the Fastify peer (`../shared/peers/fastify`, one process) serve the same"
                + " negotiation from the same database with the same RS256 token, in alternation."
                + " CPU is the server process's user+system time per request.\n\n",
            clients,
            settle.toSeconds(),
            bench.warmup().toSeconds(),
            bench.measure().toSeconds()));
    out.append(
        "| # | server | scenario | req/s | p50 ms | p99 ms | CPU ms/req | peak RSS MiB | load avg"
            + " (1/5/15 min) |\n|---|---|---|---:|---:|---:|---:|---:|---|\n");
    int i = 1;
    for (Run run : runs) {
      Load.Result r = run.result();
      out.append(
          String.format(
              Locale.ROOT,
              "| %d | %s | %s | %,.0f | %.2f | %.2f | %.3f | %d | %s |\n",
              i++,
              run.server(),
              r.scenario(),
              r.rps(),
              r.p50Micros() / 1000.0,
              r.p99Micros() / 1000.0,
              r.serverCpuCores() * r.seconds() * 1000.0 / Math.max(1, r.requests()),
              r.peakRssMib(),
              run.loadAverage()));
    }
    double java = mean(runs, "java", "get");
    double node = mean(runs, "fastify", "get");
    double reply = mean(runs, "java", "reply");
    out.append("\n| ratio | value |\n|---|---:|\n");
    out.append(row("GET: Java req/s ÷ Fastify req/s (mean of rounds)", java / node));
    out.append(row("GET: Java req/s ÷ pgbench tps, same SQL", java / pgbench.get("get")));
    out.append(
        row(
            "reply: Java req/s ÷ pgbench tps, same transaction shape",
            reply / pgbench.get("reply")));
    out.append(
        String.format(
            Locale.ROOT,
            "\npgbench at %d clients: GET %,.0f tps, reply %,.0f tps. Statements PostgreSQL"
                + " received per request (pg_stat_statements, BEGIN/COMMIT included): GET %.2f,"
                + " reply %.2f.\n",
            clients,
            pgbench.get("get"),
            pgbench.get("reply"),
            statements.get("get"),
            statements.get("reply")));
    out.append(END).append('\n');
    return out.toString();
  }

  private static String row(String label, double value) {
    return String.format(Locale.ROOT, "| %s | %.2f× |\n", label, value);
  }

  private static double mean(List<Run> runs, String server, String scenario) {
    return runs.stream()
        .filter(r -> r.server().equals(server) && r.result().scenario().equals(scenario))
        .mapToDouble(r -> r.result().rps())
        .average()
        .orElse(Double.NaN);
  }

  /** {@code report} in place of the previous side-by-side section of {@code file}. */
  static void write(Path file, String report) throws IOException {
    write(file, START, END, report);
  }

  /**
   * {@code report} in place of the section of {@code file} between {@code startMarker} and {@code
   * endMarker}, or appended when there is none.
   */
  static void write(Path file, String startMarker, String endMarker, String report)
      throws IOException {
    String text = Files.exists(file) ? Files.readString(file) : "";
    int start = text.indexOf(startMarker);
    int end = text.indexOf(endMarker);
    String updated =
        start >= 0 && end > start
            ? text.substring(0, start) + report.strip() + text.substring(end + endMarker.length())
            : text.stripTrailing() + "\n\n" + report;
    Files.writeString(file, updated);
  }
}
