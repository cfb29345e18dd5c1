package com.kairos.http.platform;

import com.kairos.http.route.Envelope;
import com.kairos.http.route.Route;
import io.javalin.http.HandlerType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The operational endpoints: health, readiness, version, the OpenAPI document, metrics. */
public final class PlatformRoutes {
  private PlatformRoutes() {}

  /**
   * Health, readiness, version and the OpenAPI document, plus {@code GET /metrics} when {@code
   * metricsScrape} is not null.
   */
  public static List<Route> of(
      ServiceFacts facts,
      Envelope envelope,
      Clock clock,
      Supplier<String> openApi,
      Supplier<String> metricsScrape) {
    PlatformHandlers h = new PlatformHandlers(facts, envelope, clock, openApi, metricsScrape);
    List<Route> routes = new ArrayList<>();
    routes.addAll(
        List.of(
            new Route(
                HandlerType.GET,
                "/health",
                h::health,
                false,
                "Liveness",
                null,
                200,
                "Health",
                "Meta",
                List.of(),
                List.of()),
            new Route(
                HandlerType.GET,
                "/ready",
                h::ready,
                false,
                "Readiness",
                null,
                200,
                "Ready",
                "Meta",
                List.of(),
                List.of(503)),
            new Route(
                HandlerType.GET,
                "/version",
                h::version,
                false,
                "Build and schema versions",
                null,
                200,
                "Version",
                "Meta",
                List.of(),
                List.of()),
            new Route(
                HandlerType.GET,
                "/openapi.json",
                h::openApi,
                false,
                "This API's OpenAPI 3.1 document",
                null,
                200,
                null,
                null,
                List.of(),
                List.of(429))));
    if (metricsScrape != null) {
      routes.add(
          new Route(
              HandlerType.GET,
              "/metrics",
              h::metrics,
              false,
              "Prometheus metrics",
              null,
              200,
              null,
              null,
              List.of(),
              List.of()));
    }
    return List.copyOf(routes);
  }
}
