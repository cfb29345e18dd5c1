package com.kairos.bench;

import com.kairos.bench.Bench.Seeded;
import com.kairos.postgres.DatabaseUrl;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** pgbench on the scenarios' SQL ({@link Bench}): the database's own limit. */
final class PgBench {
  private PgBench() {}

  static double tps(Bench bench, DatabaseUrl db, String scenario, int c, Seeded seeded)
      throws Exception {
    String script = "get".equals(scenario) ? "get_negotiation" : scenario;
    Path file = bench.work().resolve(script + ".sql");
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
                String.valueOf(bench.measure().toSeconds()),
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
      Bench.say("pgbench output: " + out);
      return Double.NaN;
    }
    return Double.parseDouble(m.group(1));
  }
}
