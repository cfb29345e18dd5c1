package com.kairos.http;

import com.kairos.application.UseCases;
import com.kairos.http.event.EventRoutes;
import com.kairos.http.json.RequestSchemas;
import com.kairos.http.negotiation.NegotiationRoutes;
import com.kairos.http.platform.PlatformRoutes;
import com.kairos.http.platform.ServiceFacts;
import com.kairos.http.route.Envelope;
import com.kairos.http.route.Route;
import com.kairos.http.route.Routes;
import com.kairos.http.user.ExportRoutes;
import com.kairos.http.user.UserRoutes;
import java.time.Clock;
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
    Routes routes = new Routes();
    NegotiationRoutes.declare(routes, useCases, schemas, envelope, metrics::negotiation);
    EventRoutes.declare(routes, useCases, schemas, envelope);
    UserRoutes.declare(routes, useCases, schemas, envelope);
    ExportRoutes.declare(routes, useCases);
    PlatformRoutes.declare(routes, facts(settings), envelope, clock, openApi, metricsScrape);
    return routes.all();
  }

  private static ServiceFacts facts(ApiSettings settings) {
    ApiSettings.Readiness readiness = settings.readiness();
    ApiSettings.VersionInfo version = settings.version();
    return new ServiceFacts(
        readiness::unavailableDependency,
        readiness::schemaVersion,
        version.backendVersion(),
        version.environment(),
        version.buildTimestamp(),
        version.commitSha());
  }
}
