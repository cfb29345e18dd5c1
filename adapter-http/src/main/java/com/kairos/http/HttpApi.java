package com.kairos.http;

import com.kairos.application.UseCases;
import com.kairos.application.port.IdentityVerifier;
import com.kairos.application.port.RateLimiter;
import com.kairos.http.json.ApiError;
import com.kairos.http.platform.OpenApiDocument;
import com.kairos.http.route.Envelope;
import com.kairos.http.route.RequestIds;
import com.kairos.http.route.Route;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.router.Endpoint;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The Kairos REST API on Javalin: every route of api.md (declared in {@link ApiRoutes}) behind the
 * request-id, version and CORS filters, the {@link AccessFilter} (authentication, rate limits, body
 * headers) and {@link Admission}, with one exception mapper.
 */
public final class HttpApi {
  public static final String API_VERSION = Envelope.API_VERSION;
  public static final int MAX_BODY_BYTES = 64 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
  private static final String EXPOSED_HEADERS =
      "ETag, Retry-After, Idempotent-Replayed, Kairos-API-Version, WWW-Authenticate,"
          + " Content-Disposition";

  private final ApiSettings settings;
  private final HttpMetrics metrics;
  private final AccessFilter access;
  private final List<Route> routes;
  private final Admission admission;
  private final AllowedMethods allowed;
  private final Javalin app;
  private volatile RequestTracing tracing = RequestTracing.off();

  public HttpApi(
      UseCases useCases, IdentityVerifier identities, ApiSettings settings, Clock clock) {
    this(
        useCases, identities, RateLimiter.UNLIMITED, HttpMetrics.disabled(), null, settings, clock);
  }

  /**
   * The API with rate limiting and metrics; {@code metricsScrape} serves {@code GET /metrics}
   * (Prometheus text) when not null.
   */
  public HttpApi(
      UseCases useCases,
      IdentityVerifier identities,
      RateLimiter limiter,
      HttpMetrics metrics,
      Supplier<String> metricsScrape,
      ApiSettings settings,
      Clock clock) {
    this.settings = settings;
    this.metrics = metrics;
    this.access = new AccessFilter(identities, limiter, metrics, settings.rateLimits());
    this.admission = new Admission(settings.capacity(), metrics);
    this.routes =
        ApiRoutes.all(useCases, settings, metrics, clock, this::openApiJson, metricsScrape);
    this.allowed = new AllowedMethods(routes);
    this.app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              JettySetup.configure(config, settings);
              config.events.serverStarting(this::wrapJetty);
              config.http.maxRequestSize = MAX_BODY_BYTES;
              config.http.prefer405over404 = true;
              config.http.generateEtags = false;
              config.router.ignoreTrailingSlashes = true;
              config.routes.before(this::beforeEverything);
              config.routes.beforeMatched(access::beforeHandler);
              for (Route r : routes) {
                config.routes.addHttpHandler(
                    r.method(),
                    r.path(),
                    r.authenticated() ? admission.guard(r.handler()) : r.handler(),
                    Access.of(r));
              }
              config.routes.after(this::afterEverything);
              config.routes.exception(
                  HttpResponseException.class,
                  (e, ctx) ->
                      Envelope.error(
                          ctx,
                          e.getStatus() == 405 ? allowed.notAllowed(ctx.path()) : fromJavalin(e)));
              config.routes.exception(Exception.class, this::onException);
            });
  }

  private void wrapJetty() {
    JettySetup.onStarting(app.jettyServer().server(), settings.capacity());
  }

  private volatile String openApi;

  /** The OpenAPI document, rendered once from the route table and the schema files. */
  public String openApiJson() {
    if (openApi == null) {
      openApi = OpenApiDocument.render(routes);
    }
    return openApi;
  }

  /** Traces requests with {@code tracing} (set before {@link #start}); off by default. */
  public HttpApi tracing(RequestTracing tracing) {
    this.tracing = tracing;
    return this;
  }

  public HttpApi start(String host, int port) {
    app.start(host, port);
    return this;
  }

  public int port() {
    return app.port();
  }

  /** Requests waiting for a database permit right now. */
  public int queuedRequests() {
    return admission.queued();
  }

  /** Stops accepting connections and lets in-flight requests finish. */
  public void stop() {
    app.stop();
  }

  /**
   * Every route the server registers, as "METHOD path": the route table, which is also what the
   * OpenAPI document is rendered from.
   */
  public List<String> registeredRoutes() {
    return routes.stream().map(Route::key).toList();
  }

  // ------------------------------------------------------------------ filters

  private void beforeEverything(Context ctx) {
    RequestLog.start(ctx);
    tracing.begin(ctx);
    String requestId = RequestIds.assign(ctx, settings.requestIdHeader());
    // Every line logged while this request runs, use cases and adapters included, carries its id.
    MDC.put(RequestIds.MDC_KEY, requestId);
    ctx.header(settings.requestIdHeader(), requestId);
    ctx.header("Cache-Control", "no-store");
    ctx.header("Kairos-API-Version", API_VERSION);
    if (cors(ctx)) {
      return;
    }
    if (ctx.method() == HandlerType.HEAD) {
      throw allowed.notAllowed(ctx.path());
    }
    String version = ctx.header("Kairos-API-Version");
    if (version != null && !API_VERSION.equals(version.strip())) {
      throw ApiError.validation(
          "Kairos-API-Version", "unsupported_version", "Only API version 1 is served");
    }
  }

  /** Adds CORS headers for allowed origins; answers preflights. True when it answered. */
  private boolean cors(Context ctx) {
    String origin = ctx.header("Origin");
    boolean allowed = origin != null && settings.corsAllowedOrigins().contains(origin);
    if (allowed) {
      ctx.header("Access-Control-Allow-Origin", origin);
      ctx.header(
          "Access-Control-Expose-Headers", settings.requestIdHeader() + ", " + EXPOSED_HEADERS);
    }
    if (origin != null) {
      ctx.header("Vary", "Origin");
    }
    boolean preflight =
        ctx.method() == HandlerType.OPTIONS && ctx.header("Access-Control-Request-Method") != null;
    if (!preflight) {
      return false;
    }
    if (allowed) {
      ctx.header("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE, OPTIONS");
      ctx.header(
          "Access-Control-Allow-Headers",
          "Authorization, Content-Type, If-None-Match, Kairos-API-Version, "
              + settings.requestIdHeader());
      ctx.header("Access-Control-Max-Age", "600");
    }
    ctx.status(allowed ? 204 : 403);
    ctx.skipRemainingHandlers();
    return true;
  }

  private void afterEverything(Context ctx) {
    RequestLog.finish(ctx);
    tracing.end(ctx);
    MDC.remove(RequestIds.MDC_KEY);
    Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
    metrics.request(
        ctx.method().name(),
        matched == null ? "unmatched" : matched.path,
        ctx.statusCode(),
        java.time.Duration.ofNanos(RequestLog.elapsedNanos(ctx)));
  }

  // ------------------------------------------------------------------ errors

  private static ApiError fromJavalin(HttpResponseException e) {
    switch (e.getStatus()) {
      case 404:
        return new ApiError(404, "not_found", "No such route", Map.of(), null);
      case 413:
        return AccessFilter.tooLarge();
      default:
        return new ApiError(
            e.getStatus(),
            e.getStatus() >= 500 ? "internal_error" : "validation_error",
            "The request could not be handled",
            Map.of(),
            null);
    }
  }

  private void onException(Exception e, Context ctx) {
    ApiError error = ErrorMapper.map(e);
    if (error != null) {
      metrics.error(error.code());
    }
    if (error == null) {
      LOG.atError()
          .addKeyValue("request_id", RequestIds.of(ctx))
          .setCause(e)
          .log("unhandled error");
      metrics.error("internal_error");
      error =
          new ApiError(
              500,
              "internal_error",
              "Something went wrong on our side",
              Map.of("request_id", RequestIds.of(ctx)),
              null);
    }
    Envelope.error(ctx, error);
  }
}
