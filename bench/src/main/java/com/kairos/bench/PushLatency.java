package com.kairos.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kairos.postgres.DatabaseUrl;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The latency side of the push run ({@link PushBench}): records the commit time of every 2xx
 * response, drains the outbox, and matches its rows to the pushes the {@link FakeFcm} received.
 */
final class PushLatency {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PushLatency() {}

  /** One committed negotiation version, as a 2xx response named it. */
  record Commit(String negotiationId, long version) {}

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

  /**
   * Records the arrival of every 2xx response as the commit time of the version it names. Runs
   * before anything else looks at the response, so the instant is as early as the client can see.
   */
  static BiConsumer<Load.Call, HttpResponse<String>> record(Map<Commit, Long> commits) {
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

  /** Waits until no push is pending (or the limit); the seconds waited. */
  static double drain(DatabaseUrl db, Duration drainLimit)
      throws SQLException, InterruptedException {
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
  static Latency match(
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
}
