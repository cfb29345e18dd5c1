package com.kairos.http;

import com.kairos.domain.common.Timestamps;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** {@code /health}, {@code /ready}, {@code /version} and {@code /openapi.json}. */
final class OperationsHandlers {
  private final ApiSettings settings;
  private final Envelope envelope;
  private final Clock clock;
  private final Instant startedAt;
  private final Supplier<String> openApi;

  OperationsHandlers(
      ApiSettings settings, Envelope envelope, Clock clock, Supplier<String> openApi) {
    this.settings = settings;
    this.envelope = envelope;
    this.clock = clock;
    this.startedAt = clock.instant();
    this.openApi = openApi;
  }

  /** Alive: touches no dependency. */
  void health(Context ctx) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("status", "ok");
    data.put("uptime_seconds", Duration.between(startedAt, clock.instant()).toSeconds());
    data.put("timestamp", ResponseJson.ts(Timestamps.now(clock)));
    envelope.ok(ctx, 200, data);
  }

  /** Ready: the database answers and the schema is current. */
  void ready(Context ctx) {
    String unavailable = settings.readiness().unavailableDependency();
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
    ApiSettings.VersionInfo v = settings.version();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("backend_version", v.backendVersion());
    data.put("api_version", HttpApi.API_VERSION);
    data.put("schema_version", settings.readiness().schemaVersion());
    data.put("environment", v.environment());
    data.put("build_timestamp", timestampOrAsIs(v.buildTimestamp()));
    data.put("commit_sha", v.commitSha());
    envelope.ok(ctx, 200, data);
  }

  /** A build time in the API's one timestamp format when it is one ("unknown" otherwise). */
  private static String timestampOrAsIs(String value) {
    try {
      return value == null ? null : ResponseJson.ts(Instant.parse(value));
    } catch (java.time.format.DateTimeParseException e) {
      return value;
    }
  }

  void openApi(Context ctx) {
    ctx.status(200).contentType(Envelope.JSON).result(openApi.get());
  }
}
