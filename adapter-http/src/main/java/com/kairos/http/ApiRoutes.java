package com.kairos.http;

import com.kairos.application.UseCases;
import com.kairos.http.event.EventRoutes;
import com.kairos.http.json.RequestSchemas;
import com.kairos.http.negotiation.NegotiationRoutes;
import com.kairos.http.platform.PlatformRoutes;
import com.kairos.http.platform.ServiceFacts;
import com.kairos.http.route.Envelope;
import com.kairos.http.route.Route;
import com.kairos.http.user.UserRoutes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Every endpoint of the API, feature by feature: what Javalin registers and OpenAPI describes. */
final class ApiRoutes {
  private ApiRoutes() {}

  static List<Route> all(
      UseCases useCases,
      ApiSettings settings,
      HttpMetrics metrics,
      Clock clock,
      Supplier<String> openApi,
      Supplier<String> metricsScrape) {
    RequestSchemas schemas = new RequestSchemas();
    Envelope envelope = new Envelope(clock);
    ApiSettings.Readiness readiness = settings.readiness();
    ApiSettings.VersionInfo version = settings.version();
    ServiceFacts facts =
        new ServiceFacts(
            readiness::unavailableDependency,
            readiness::schemaVersion,
            version.backendVersion(),
            version.environment(),
            version.buildTimestamp(),
            version.commitSha());
    List<Route> routes = new ArrayList<>();
    routes.addAll(NegotiationRoutes.of(useCases, schemas, envelope, metrics::negotiation));
    routes.addAll(EventRoutes.of(useCases, schemas, envelope));
    routes.addAll(UserRoutes.of(useCases, schemas, envelope));
    routes.addAll(PlatformRoutes.of(facts, envelope, clock, openApi, metricsScrape));
    return List.copyOf(routes);
  }
}
