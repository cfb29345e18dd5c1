package com.kairos.bench;

import com.kairos.bench.PushLatency.Commit;
import com.kairos.bench.PushLatency.Latency;
import com.kairos.bench.PushMetrics.ServerSide;
import com.kairos.postgres.DatabaseUrl;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

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

  /** One measured run. */
  record Run(
      boolean outbox, Load.Result result, String loadAverage, Latency latency, ServerSide server) {}

  private final Bench bench;
  private final int clients;
  private final Duration drainLimit;
  private final PushMetrics metrics = new PushMetrics();
  private final PushReport report;
  private int devices;

  PushBench(Bench bench, int clients, Duration drainLimit) {
    this.bench = bench;
    this.clients = clients;
    this.drainLimit = drainLimit;
    this.report = new PushReport(bench, clients);
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
    return report.report(
        machine,
        loadAtStart,
        runs,
        report.recorded(previous),
        PushReport.generated(previous),
        devices);
  }

  private Side side(boolean outbox, DatabaseUrl db, FakeFcm fake, ServerProcess app)
      throws Exception {
    Bench.Seeded seeded = bench.seed(app.port, db, new int[] {clients});
    // After seeding, so that the seed's own starts queue no pushes; the same devices in both
    // modes, so that only the provider differs.
    devices = PushDevices.insert(db, clients);
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
      PushLatency.drain(side.db(), drainLimit);
    }
    Map<String, Double> before = outbox ? metrics.scrape(side.app().port) : Map.of();
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
                PushLatency.record(commits).andThen(follow));
    long windowEnd = System.nanoTime();
    String loadAverage = SideBySide.loadAverage();
    Bench.say((outbox ? "outbox on  " : "outbox off ") + Bench.line(r));
    Latency latency = null;
    ServerSide server = null;
    if (outbox) {
      FakeFcm fake = side.fake();
      double drained = PushLatency.drain(side.db(), drainLimit);
      latency = PushLatency.match(side.db(), fake, commits, drained, r.seconds(), windowEnd);
      server = PushMetrics.serverSide(before, metrics.scrape(side.app().port));
      Bench.say(PushReport.describe(scenario, latency, server));
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
}
