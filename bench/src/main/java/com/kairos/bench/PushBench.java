package com.kairos.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kairos.postgres.DatabaseUrl;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The push run ({@code scripts/bench.sh --push}): the start and reply scenarios at one concurrency,
 * alternately against a server with the outbox off ({@code PUSH_PROVIDER=none}) and one with it on
 * ({@code PUSH_PROVIDER=fcm}, {@code FCM_API_URL} at a {@link FakeFcm} in this process), each on
 * its own database with a device for every user the scenarios involve. Measures the latency from
 * each 2xx response to the pushes of its negotiation version arriving at the fake, scrapes the
 * server's push metrics, and compares throughput with the outbox off and with the last recorded run
 * of docs/benchmarks.md. Writes its section of docs/benchmarks.md and prints it.
 */
final class PushBench {
  static final String START = "<!-- push:start -->";
  static final String END = "<!-- push:end -->";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> SCENARIOS = List.of("start", "reply");

  /** One committed negotiation version, as a 2xx response named it. */
  record Commit(String negotiationId, long version) {}

  /** The 32-client row of a scenario in the last recorded full run. */
  record Recorded(double rps, double p99Millis) {}

  /** Pushes of the measured window matched at the fake. */
  record Latency(
      long commits,
      long expected,
      long received,
      long pendingAfterDrain,
      long duplicates,
      double drainSeconds,
      long negative,
      double p50Millis,
      double p99Millis,
      double maxMillis,
      double queuedPerSecond,
      double deliveredPerSecond,
      long backlogAtEnd) {}

  /** The server's own push metrics over the measured window (differences of two scrapes). */
  record ServerSide(
      long count,
      double meanMillis,
      String p50Bucket,
      String p99Bucket,
      double p99UpperSeconds,
      Map<String, Long> outcomes,
      double pendingGauge) {}

  /** One measured run. */
  record Run(
      boolean outbox, Load.Result result, String loadAverage, Latency latency, ServerSide server) {}

  private final Bench bench;
  private final int clients;
  private final Duration drainLimit;
  private final HttpClient http = HttpClient.newHttpClient();
  private int devices;

  PushBench(Bench bench, int clients, Duration drainLimit) {
    this.bench = bench;
    this.clients = clients;
    this.drainLimit = drainLimit;
  }

  /** One server under test: its database, seed, load generator and (outbox on) fake FCM. */
  private record Side(
      boolean outbox,
      DatabaseUrl db,
      FakeFcm fake,
      ServerProcess app,
      Bench.Seeded seeded,
      Load load) {}

  /**
   * Runs both modes and returns the section for docs/benchmarks.md ({@code previous}). Both servers
   * are up together and the runs alternate (start: off then on; reply: on then off), so that a
   * machine whose load drifts favours neither.
   */
  String run(String machine, String previous) throws Exception {
    String loadAtStart = SideBySide.loadAverage();
    List<Run> runs = new ArrayList<>();
    DatabaseUrl offDb = bench.createDatabase("kairos_bench_push_off");
    DatabaseUrl onDb = bench.createDatabase("kairos_bench_push_on");
    try (FakeFcm fake = FakeFcm.start();
        ServerProcess offApp = bench.startServer(offDb, Map.of("PUSH_PROVIDER", "none"));
        ServerProcess onApp =
            bench.startServer(
                onDb,
                Map.of(
                    "PUSH_PROVIDER", "fcm",
                    "FCM_API_URL", fake.baseUrl(),
                    "FEATURE_METRICS", "true"))) {
      Side off = side(false, offDb, null, offApp);
      Side on = side(true, onDb, fake, onApp);
      runs.add(measure(off, "start"));
      runs.add(measure(on, "start"));
      runs.add(measure(on, "reply"));
      runs.add(measure(off, "reply"));
    }
    return report(machine, loadAtStart, runs, recorded(previous), generated(previous));
  }

  private Side side(boolean outbox, DatabaseUrl db, FakeFcm fake, ServerProcess app)
      throws Exception {
    Bench.Seeded seeded = bench.seed(app.port, db, new int[] {clients});
    // After seeding, so that the seed's own starts queue no pushes; the same devices in both
    // modes, so that only the provider differs.
    devices = insertDevices(db);
    Bench.say(
        (outbox ? "outbox on (PUSH_PROVIDER=fcm, fake FCM)" : "outbox off (PUSH_PROVIDER=none)")
            + ": "
            + devices
            + " devices inserted");
    return new Side(outbox, db, fake, app, seeded, new Load(app.port));
  }

  private Run measure(Side side, String scenario) throws Exception {
    boolean outbox = side.outbox();
    var next = bench.next(scenario, side.seeded(), clients);
    BiConsumer<Load.Call, HttpResponse<String>> follow = bench.observe(side.seeded());
    // Warm-up as its own run, then a drain, so that the measured window starts with an empty
    // outbox and the scrapes bracket it alone.
    side.load().run(scenario, clients, Duration.ZERO, bench.warmup(), side.app(), next, follow);
    if (outbox) {
      drain(side.db());
    }
    Map<String, Double> before = outbox ? scrape(side.app().port) : Map.of();
    Map<Commit, Long> commits = new ConcurrentHashMap<>();
    Load.Result r =
        side.load()
            .run(
                scenario,
                clients,
                Duration.ZERO,
                bench.measure(),
                side.app(),
                next,
                record(commits).andThen(follow));
    long windowEnd = System.nanoTime();
    String loadAverage = SideBySide.loadAverage();
    Bench.say((outbox ? "outbox on  " : "outbox off ") + Bench.line(r));
    Latency latency = null;
    ServerSide server = null;
    if (outbox) {
      FakeFcm fake = side.fake();
      double drained = drain(side.db());
      latency = match(side.db(), fake, commits, drained, r.seconds(), windowEnd);
      server = serverSide(before, scrape(side.app().port));
      Bench.say(describe(scenario, latency, server));
      if (fake.authorized() > 0 || fake.unreadable() > 0) {
        Bench.say(
            "fake FCM: "
                + fake.authorized()
                + " requests with an Authorization header, "
                + fake.unreadable()
                + " unreadable");
      }
    }
    return new Run(outbox, r, loadAverage, latency, server);
  }

  /**
   * Records the arrival of every 2xx response as the commit time of the version it names. Runs
   * before anything else looks at the response, so the instant is as early as the client can see.
   */
  private static BiConsumer<Load.Call, HttpResponse<String>> record(Map<Commit, Long> commits) {
    return (call, response) -> {
      long at = System.nanoTime();
      if (response.statusCode() / 100 != 2) {
        return;
      }
      try {
        JsonNode data = JSON.readTree(response.body()).path("data");
        if (data.hasNonNull("id") && data.hasNonNull("version")) {
          commits.putIfAbsent(
              new Commit(data.get("id").asText(), data.get("version").asLong()), at);
        }
      } catch (IOException e) {
        // not a negotiation: nothing to match
      }
    };
  }

  /**
   * One device per user the scenarios involve: the start scenario's owners and invitees and the
   * reply scenario's groups (Bench.seed). Tokens look like FCM registration tokens (~160 characters
   * of {@code [A-Za-z0-9:_-]}), unique per user.
   */
  private int insertDevices(DatabaseUrl db) throws SQLException {
    try (Connection c = Bench.connect(db);
        Statement s = c.createStatement()) {
      int n =
          s.executeUpdate(
              "INSERT INTO devices (user_id, installation_id, push_token, platform, created_at,"
                  + " last_seen_at)"
                  + " SELECT u, gen_random_uuid(),"
                  + " substr(md5(u), 1, 22) || ':APA91b' || md5(u || 'a') || md5(u || 'b')"
                  + " || md5(u || 'c') || md5(u || 'd'),"
                  + " CASE WHEN row_number() OVER () % 2 = 0 THEN 'android' ELSE 'ios' END,"
                  + " now(), now()"
                  + " FROM (SELECT 'bench-friend-' || i AS u FROM generate_series(0, 1999) i"
                  + " UNION ALL SELECT 'bench-owner-' || i FROM generate_series(0, 99) i"
                  + " UNION ALL SELECT 'bench-g"
                  + clients
                  + "-' || k || '-' || p FROM generate_series(0, 127) k, generate_series(0, 9) p"
                  + ") users");
      s.execute("ANALYZE devices");
      return n;
    }
  }

  /** Waits until no push is pending (or the limit); the seconds waited. */
  private double drain(DatabaseUrl db) throws SQLException, InterruptedException {
    long t0 = System.nanoTime();
    long deadline = t0 + drainLimit.toNanos();
    try (Connection c = Bench.connect(db);
        Statement s = c.createStatement()) {
      while (pending(s) > 0 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  private static long pending(Statement s) throws SQLException {
    try (ResultSet rs =
        s.executeQuery("SELECT count(*) FROM push_outbox WHERE state = 'pending'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * The outbox rows of the measured commits are the pushes expected (the domain decided the
   * recipients; every one has a device); each one the fake received gives a latency.
   */
  private Latency match(
      DatabaseUrl db,
      FakeFcm fake,
      Map<Commit, Long> commits,
      double drainSeconds,
      double measuredSeconds,
      long windowEnd)
      throws SQLException {
    long expected = 0;
    long pendingRows = 0;
    List<Long> nanos = new ArrayList<>();
    long inWindow = 0;
    Map<FakeFcm.Key, Long> received = fake.received();
    try (Connection c = Bench.connect(db);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT o.negotiation_id::text, o.version, o.state, d.push_token"
                    + " FROM push_outbox o JOIN devices d ON d.id = o.device_id")) {
      while (rs.next()) {
        Long committed = commits.get(new Commit(rs.getString(1), rs.getLong(2)));
        if (committed == null) {
          continue; // the warm-up's, or the other scenario's
        }
        expected++;
        Long at = received.get(new FakeFcm.Key(rs.getString(1), rs.getLong(2), rs.getString(4)));
        if (at != null) {
          nanos.add(at - committed);
          if (at <= windowEnd) {
            inWindow++;
          }
        } else if ("pending".equals(rs.getString(3))) {
          pendingRows++;
        }
      }
    }
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    return new Latency(
        commits.size(),
        expected,
        sorted.length,
        pendingRows,
        fake.duplicates(),
        drainSeconds,
        Arrays.stream(sorted).filter(n -> n < 0).count(),
        percentile(sorted, 0.50) / 1e6,
        percentile(sorted, 0.99) / 1e6,
        sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6,
        expected / measuredSeconds,
        inWindow / measuredSeconds,
        expected - inWindow);
  }

  private static double percentile(long[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  // ------------------------------------------------------------------ the server's metrics

  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\\{[^}]*\\})?)\\s+(\\S+)");
  private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");
  private static final Pattern OUTCOME = Pattern.compile("outcome=\"([^\"]+)\"");

  /** The push samples of /metrics, by name with labels; empty when metrics are off. */
  private Map<String, Double> scrape(int port) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString());
    Map<String, Double> samples = new HashMap<>();
    if (response.statusCode() != 200) {
      Bench.say("/metrics answered " + response.statusCode() + ": no server-side figures");
      return samples;
    }
    for (String line : response.body().split("\n")) {
      if (!line.startsWith("kairos_push_")) {
        continue;
      }
      Matcher m = SAMPLE.matcher(line);
      if (m.find()) {
        try {
          samples.put(m.group(1), Double.parseDouble(m.group(2)));
        } catch (NumberFormatException e) {
          // NaN and the like: skip
        }
      }
    }
    return samples;
  }

  private static ServerSide serverSide(Map<String, Double> before, Map<String, Double> after) {
    if (after.isEmpty()) {
      return null;
    }
    TreeMap<Double, Long> buckets = new TreeMap<>();
    Map<String, Long> outcomes = new LinkedHashMap<>();
    for (String outcome : List.of("sent", "retried", "token_removed", "dead")) {
      outcomes.put(outcome, 0L);
    }
    for (Map.Entry<String, Double> e : after.entrySet()) {
      long delta = Math.round(e.getValue() - before.getOrDefault(e.getKey(), 0.0));
      String name = e.getKey();
      if (name.startsWith("kairos_push_delivery_seconds_bucket")) {
        Matcher le = LE.matcher(name);
        if (le.find()) {
          String bound = le.group(1);
          buckets.put(
              bound.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bound), delta);
        }
      } else if (name.startsWith("kairos_push_sent_total")) {
        Matcher outcome = OUTCOME.matcher(name);
        if (outcome.find()) {
          outcomes.merge(outcome.group(1), delta, Long::sum);
        }
      }
    }
    long count = delta(before, after, "kairos_push_delivery_seconds_count");
    double sum =
        after.getOrDefault("kairos_push_delivery_seconds_sum", 0.0)
            - before.getOrDefault("kairos_push_delivery_seconds_sum", 0.0);
    return new ServerSide(
        count,
        count == 0 ? Double.NaN : sum * 1000 / count,
        bucket(buckets, count, 0.50),
        bucket(buckets, count, 0.99),
        upper(buckets, count, 0.99),
        outcomes,
        after.getOrDefault("kairos_push_outbox_pending", Double.NaN));
  }

  private static long delta(Map<String, Double> before, Map<String, Double> after, String name) {
    return Math.round(after.getOrDefault(name, 0.0) - before.getOrDefault(name, 0.0));
  }

  /** The cumulative bucket holding quantile {@code q}, as "(lower, upper] ms". */
  private static String bucket(TreeMap<Double, Long> cumulative, long count, double q) {
    if (count == 0 || cumulative.isEmpty()) {
      return "—";
    }
    long rank = (long) Math.ceil(q * count);
    double lower = 0;
    for (Map.Entry<Double, Long> b : cumulative.entrySet()) {
      if (b.getValue() >= rank) {
        return "("
            + millis(lower)
            + ", "
            + (b.getKey().isInfinite() ? "∞" : millis(b.getKey()))
            + "] ms";
      }
      lower = b.getKey();
    }
    return "—";
  }

  /** The upper bound of the bucket holding quantile {@code q}, in seconds (NaN when none). */
  private static double upper(TreeMap<Double, Long> cumulative, long count, double q) {
    long rank = (long) Math.ceil(q * count);
    for (Map.Entry<Double, Long> b : cumulative.entrySet()) {
      if (count > 0 && b.getValue() >= rank) {
        return b.getKey();
      }
    }
    return Double.NaN;
  }

  private static String millis(double seconds) {
    return String.format(Locale.ROOT, "%,.0f", seconds * 1000);
  }

  // ------------------------------------------------------------------ the last recorded run

  private static final Pattern ROW =
      Pattern.compile(
          "^\\| POST /negotiate/(start|reply) \\| (\\d+) \\| ([0-9.]+) \\| [0-9.]+ \\| [0-9.]+ \\|"
              + " ([0-9.]+) \\|",
          Pattern.MULTILINE);
  private static final Pattern GENERATED =
      Pattern.compile("Generated by `scripts/bench.sh` on (\\S+?)\\.\\s");

  /** The start and reply rows at this concurrency of the full run's table, when present. */
  Map<String, Recorded> recorded(String previous) {
    Map<String, Recorded> rows = new HashMap<>();
    Matcher m = ROW.matcher(previous);
    while (m.find()) {
      if (Integer.parseInt(m.group(2)) == clients) {
        rows.putIfAbsent(
            m.group(1),
            new Recorded(Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4))));
      }
    }
    return rows;
  }

  private static String generated(String previous) {
    Matcher m = GENERATED.matcher(previous);
    return m.find() ? m.group(1) : "?";
  }

  // ------------------------------------------------------------------ the report

  private static String describe(String scenario, Latency l, ServerSide s) {
    return String.format(
        Locale.ROOT,
        "push %-5s %d commits, %d pushes expected (%.0f/s), %.0f/s delivered during the window"
            + " (%d waiting at its end), %d received in all (%d still pending after a %.1f s"
            + " drain), response→fake p50 %.2f p99 %.2f max"
            + " %.2f ms (%d negative); server histogram %s",
        scenario,
        l.commits(),
        l.expected(),
        l.queuedPerSecond(),
        l.deliveredPerSecond(),
        l.backlogAtEnd(),
        l.received(),
        l.pendingAfterDrain(),
        l.drainSeconds(),
        l.p50Millis(),
        l.p99Millis(),
        l.maxMillis(),
        l.negative(),
        s == null
            ? "n/a"
            : s.count() + " deliveries, p99 in " + s.p99Bucket() + ", outcomes " + s.outcomes());
  }

  private String report(
      String machine,
      String loadAtStart,
      List<Run> runs,
      Map<String, Recorded> recorded,
      String recordedAt) {
    StringBuilder out = new StringBuilder();
    out.append(START).append("\n## Push notifications: commit→provider latency and throughput\n\n");
    out.append("`scripts/bench.sh --push`: ").append(machine.replace('\n', ' '));
    out.append(
        String.format(
            Locale.ROOT,
            ". %d closed-loop clients; per run %d s warm-up, a drain of the outbox, then %d s"
                + " measured. The two servers are up together, each measured while the other"
                + " idles, in the order start off, start on, reply on, reply off. Load average (1/5/15 min) at the start: %s. The same seed and the"
                + " same %,d devices (one per user the scenarios involve, inserted with SQL) in"
                + " both modes: *outbox off* is `PUSH_PROVIDER=none` (no rows, no dispatcher),"
                + " *outbox on* is `PUSH_PROVIDER=fcm` with `FCM_API_URL` at a fake FCM HTTP v1"
                + " endpoint inside the bench (JDK `HttpServer`, answers 200 at once).\n\n",
            clients,
            bench.warmup().toSeconds(),
            bench.measure().toSeconds(),
            loadAtStart,
            devices));
    out.append(
        "**Latency.** The arrival of each 2xx response at the client stands for the commit of the"
            + " negotiation version it names; each push the fake then receives for that"
            + " (negotiation id, version) gives *fake receive − response arrival*. The commit"
            + " happens before the response is written and travels back, so this **under-estimates"
            + " commit→provider** (it can even be negative when the push overtakes the response)."
            + " The server's own histogram `kairos_push_delivery_seconds` (outbox row's commit"
            + " time → the provider's 200; two scrapes of `/metrics` around the measured window)"
            + " is given alongside, as the bucket holding the quantile. *Expected* is the outbox"
            + " rows of the measured responses' versions; *received* is how many of them reached"
            + " the fake after the drain.\n\n");
    out.append(
        "| scenario | 2xx responses | pushes expected | received (drain) | queued/s |"
            + " delivered/s | waiting at the end | p50 ms | p99 ms | max ms | server: deliveries |"
            + " server p50 bucket | server p99 bucket | sent / retried / dead | load avg |\n"
            + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---|---|\n");
    for (Run run : runs) {
      if (!run.outbox()) {
        continue;
      }
      Latency l = run.latency();
      ServerSide s = run.server();
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %,d | %,d | %,d (%.1f s) | %,.0f | %,.0f | %,d | %,.2f | %,.2f | %,.2f | %s |"
                  + " %s | %s | %s | %s |\n",
              run.result().scenario(),
              l.commits(),
              l.expected(),
              l.received(),
              l.drainSeconds(),
              l.queuedPerSecond(),
              l.deliveredPerSecond(),
              l.backlogAtEnd(),
              l.p50Millis(),
              l.p99Millis(),
              l.maxMillis(),
              s == null ? "n/a" : String.format(Locale.ROOT, "%,d", s.count()),
              s == null ? "n/a" : s.p50Bucket(),
              s == null ? "n/a" : s.p99Bucket(),
              s == null
                  ? "n/a"
                  : s.outcomes().get("sent")
                      + " / "
                      + s.outcomes().get("retried")
                      + " / "
                      + s.outcomes().get("dead"),
              run.loadAverage()));
    }
    out.append(
        "\n*Queued/s*: the outbox rows of the measured window per measured second;"
            + " *delivered/s*: those the fake received before the window ended, per second;"
            + " *waiting at the end*: those it had not received yet (the backlog the drain then"
            + " sends, without the clients' load). When queued/s exceeds delivered/s the backlog"
            + " grows through the window and the latency with it. "
            + verdict(runs)
            + "\n");
    out.append(
        String.format(
            Locale.ROOT,
            "\n**Throughput** at %d clients: req/s (p99 ms, server CPU ms per request). *Last"
                + " recorded* is the %d-client row (req/s, p99 ms) of the full run at the top of"
                + " this page, generated %s.\n\n",
            clients,
            clients,
            recordedAt));
    out.append(
        "| scenario | last recorded | outbox off, this run | outbox on, this run | on ÷ off | on ÷"
            + " last recorded |\n|---|---:|---:|---:|---:|---:|\n");
    for (String scenario : SCENARIOS) {
      Load.Result off = result(runs, false, scenario);
      Load.Result on = result(runs, true, scenario);
      Recorded last = recorded.get(scenario);
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %.2f× | %s |\n",
              scenario,
              last == null
                  ? "—"
                  : String.format(Locale.ROOT, "%,.0f (%.2f)", last.rps(), last.p99Millis()),
              cell(off),
              cell(on),
              on.rps() / off.rps(),
              last == null ? "—" : String.format(Locale.ROOT, "%.2f×", on.rps() / last.rps())));
    }
    out.append("\nStatuses: ");
    List<String> statuses = new ArrayList<>();
    for (Run run : runs) {
      statuses.add(
          String.format(
              Locale.ROOT,
              "%s outbox %s %s (load avg %s)",
              run.result().scenario(),
              run.outbox() ? "on" : "off",
              run.result().statuses(),
              run.loadAverage()));
    }
    out.append(String.join("; ", statuses)).append(".\n");
    out.append(
        "One run of each on a machine that also runs the load generator, PostgreSQL and the fake;"
            + " read the differences against the load averages.\n");
    out.append(END).append('\n');
    return out.toString();
  }

  /**
   * Against notifications.md's target (p99 within 2 s): a response→fake p99 over 2 s is a sure miss
   * (it under-estimates); a server p99 bucket ending at 2 s or less is a sure hit.
   */
  private static String verdict(List<Run> runs) {
    List<String> parts = new ArrayList<>();
    for (Run run : runs) {
      if (!run.outbox()) {
        continue;
      }
      Latency l = run.latency();
      ServerSide s = run.server();
      String result;
      if (l.p99Millis() > 2000) {
        result = "missed";
      } else if (s != null && s.p99UpperSeconds() <= 2) {
        result = "met";
      } else {
        result = "not decided by these figures";
      }
      parts.add(run.result().scenario() + " " + result);
    }
    return "Target of notifications.md, a committed change at the provider within 2 s at p99: "
        + String.join(", ", parts)
        + ".";
  }

  private static String cell(Load.Result r) {
    return String.format(
        Locale.ROOT,
        "%,.0f (%.2f, %.3f)",
        r.rps(),
        r.p99Micros() / 1000.0,
        r.serverCpuCores() * r.seconds() * 1000.0 / Math.max(1, r.requests()));
  }

  private static Load.Result result(List<Run> runs, boolean outbox, String scenario) {
    return runs.stream()
        .filter(r -> r.outbox() == outbox && r.result().scenario().equals(scenario))
        .findFirst()
        .orElseThrow()
        .result();
  }
}
