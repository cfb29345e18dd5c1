package com.kairos.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's own push metrics for the push run ({@link PushBench}): scrapes {@code /metrics} and
 * turns two scrapes around the measured window into its figures.
 */
final class PushMetrics {
  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\\{[^}]*\\})?)\\s+(\\S+)");
  private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");
  private static final Pattern OUTCOME = Pattern.compile("outcome=\"([^\"]+)\"");

  private final HttpClient http = HttpClient.newHttpClient();

  /** The server's own push metrics over the measured window (differences of two scrapes). */
  record ServerSide(
      long count,
      double meanMillis,
      String p50Bucket,
      String p99Bucket,
      double p99UpperSeconds,
      Map<String, Long> outcomes,
      double pendingGauge) {}

  /** The push samples of /metrics, by name with labels; empty when metrics are off. */
  Map<String, Double> scrape(int port) throws IOException, InterruptedException {
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

  static ServerSide serverSide(Map<String, Double> before, Map<String, Double> after) {
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
}
