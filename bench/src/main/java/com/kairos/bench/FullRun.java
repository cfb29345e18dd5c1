package com.kairos.bench;

import static com.kairos.bench.Bench.line;
import static com.kairos.bench.Bench.say;

import com.kairos.bench.Bench.Seeded;
import com.kairos.postgres.DatabaseUrl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The full run ({@code scripts/bench.sh}, no {@code BENCH_MODE}): each scenario at each
 * concurrency, pgbench on the same SQL, the scale series and the expiry sweep; writes
 * docs/benchmarks.md, keeping the side-by-side and push sections.
 */
final class FullRun {
  private final Bench bench;
  private final int[] clients;
  private final int[] scales;

  FullRun(Bench bench, int[] clients, int[] scales) {
    this.bench = bench;
    this.clients = clients;
    this.scales = scales;
  }

  void run(String machine) throws Exception {
    Duration warmup = bench.warmup();
    Duration measure = bench.measure();
    Path root = bench.root();
    List<Load.Result> results = new ArrayList<>();
    Map<String, Double> pgbench = new HashMap<>();
    DatabaseUrl db = bench.createDatabase("kairos_bench_main");
    try (ServerProcess app = bench.startServer(db)) {
      Seeded seeded = bench.seed(app.port, db);
      Load load = new Load(app.port);
      for (String scenario : List.of("get", "reply", "start", "list", "upcoming")) {
        for (int c : clients) {
          Load.Result r =
              load.run(
                  scenario,
                  c,
                  warmup,
                  measure,
                  app,
                  bench.next(scenario, seeded, c),
                  bench.observe(seeded));
          results.add(r);
          say(line(r));
        }
      }
      for (String scenario : List.of("get", "reply", "start", "list", "upcoming")) {
        for (int c : clients) {
          double tps = bench.pgbench(db, scenario, c, seeded);
          pgbench.put(scenario + "/" + c, tps);
          say(String.format(Locale.ROOT, "pgbench %-9s c=%-3d tps=%.0f", scenario, c, tps));
        }
      }
    }
    List<String> scaleRows = new ArrayList<>();
    double sweepMillis = -1;
    for (int n : scales) {
      DatabaseUrl scaleDb = bench.createDatabase("kairos_bench_scale_" + n);
      ScaleData.bulkLoad(scaleDb, n);
      try (ServerProcess app = bench.startServer(scaleDb)) {
        Load load = new Load(app.port);
        Load.Result list =
            load.run(
                "list",
                1,
                warmup,
                measure,
                app,
                c -> bench.get("/negotiations?limit=20"),
                (a, b) -> {});
        Load.Result upcoming =
            load.run(
                "upcoming",
                1,
                warmup,
                measure,
                app,
                c -> bench.get("/events/upcoming"),
                (a, b) -> {});
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
        sweepMillis = ScaleData.sweep(scaleDb, 10_000);
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
  }
}
