package com.kairos.http.platform;

import com.kairos.http.route.Envelope;
import com.kairos.http.route.Routes;
import java.time.Clock;
import java.util.function.Supplier;

/** The operational endpoints: health, readiness, version, the OpenAPI document, metrics. */
public final class PlatformRoutes {
  private PlatformRoutes() {}

  /**
   * Declares health, readiness, version and the OpenAPI document, plus {@code GET /metrics} when
   * {@code metricsScrape} is not null. None needs a token; all but the document are never rate
   * limited.
   */
  public static void declare(
      Routes routes,
      ServiceFacts facts,
      Envelope envelope,
      Clock clock,
      Supplier<String> openApi,
      Supplier<String> metricsScrape) {
    PlatformHandlers h = new PlatformHandlers(facts, envelope, clock, openApi, metricsScrape);
    routes.tag("operations");
    routes
        .get("/health")
        .operation("getHealth")
        .summary("Liveness")
        .description("Liveness: the process answers; touches no dependency.")
        .publicAccess()
        .unlimited()
        .responds(200, "Health")
        .handler(h::health);
    routes
        .get("/ready")
        .operation("getReadiness")
        .summary("Readiness")
        .description("Readiness: the database answers and every migration is applied.")
        .publicAccess()
        .unlimited()
        .responds(200, "Ready")
        .errors(503)
        .handler(h::ready);
    routes
        .get("/version")
        .operation("getVersion")
        .summary("Build and schema versions")
        .description("Build, API and schema versions.")
        .publicAccess()
        .unlimited()
        .responds(200, "Version")
        .handler(h::version);
    routes
        .get("/openapi.json")
        .operation("getOpenApiDocument")
        .summary("This API's OpenAPI 3.1 document")
        .description("This document.")
        .publicAccess()
        .errors(429)
        .handler(h::openApi);
    if (metricsScrape != null) {
      routes
          .get("/metrics")
          .operation("getMetrics")
          .summary("Prometheus metrics")
          .description("Prometheus metrics (text format).")
          .publicAccess()
          .unlimited()
          .handler(h::metrics);
    }
  }
}
