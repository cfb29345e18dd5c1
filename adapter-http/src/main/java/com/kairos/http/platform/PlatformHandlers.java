package com.kairos.http.platform;

import com.kairos.domain.common.Timestamps;
import com.kairos.http.json.ApiError;
import com.kairos.http.json.JsonTime;
import com.kairos.http.route.Envelope;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code /health}, {@code /ready}, {@code /version}, {@code /openapi.json} and {@code /metrics}.
 */
final class PlatformHandlers {
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final ServiceFacts facts;
  private final Envelope envelope;
  private final Clock clock;
  private final Instant startedAt;
  private final Supplier<String> openApi;
  private final Supplier<String> metricsScrape;

  PlatformHandlers(
      ServiceFacts facts,
      Envelope envelope,
      Clock clock,
      Supplier<String> openApi,
      Supplier<String> metricsScrape) {
    this.facts = facts;
    this.envelope = envelope;
    this.clock = clock;
    this.startedAt = clock.instant();
    this.openApi = openApi;
    this.metricsScrape = metricsScrape;
  }

  /** Alive: touches no dependency. */
  void health(Context ctx) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("status", "ok");
    data.put("uptime_seconds", Duration.between(startedAt, clock.instant()).toSeconds());
    data.put("timestamp", JsonTime.format(Timestamps.now(clock)));
    envelope.ok(ctx, 200, data);
  }

  /** Ready: the database answers and the schema is current. */
  void ready(Context ctx) {
    String unavailable = facts.unavailableDependency().get();
    if (unavailable != null) {
      throw new ApiError(
          503,
          "service_unavailable",
          "A dependency is not ready",
          Map.of("dependency", unavailable),
          Map.of("Retry-After", "5"));
    }
    envelope.ok(ctx, 200, Map.of("status", "ready"));
  }

  void version(Context ctx) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("backend_version", facts.backendVersion());
    data.put("api_version", Envelope.API_VERSION);
    data.put("schema_version", facts.schemaVersion().get());
    data.put("environment", facts.environment());
    data.put("build_timestamp", timestampOrAsIs(facts.buildTimestamp()));
    data.put("commit_sha", facts.commitSha());
    envelope.ok(ctx, 200, data);
  }

  /** A build time in the API's one timestamp format when it is one ("unknown" otherwise). */
  private static String timestampOrAsIs(String value) {
    try {
      return value == null ? null : JsonTime.format(Instant.parse(value));
    } catch (DateTimeParseException e) {
      return value;
    }
  }

  void openApi(Context ctx) {
    ctx.status(200).contentType(Envelope.JSON).result(openApi.get());
  }

  void metrics(Context ctx) {
    ctx.contentType(PROMETHEUS_TEXT).result(metricsScrape.get());
  }
}
