package com.kairos.http;

import com.kairos.application.UseCases;
import com.kairos.application.port.AuthenticationFailed;
import com.kairos.application.port.IdentityVerifier;
import com.kairos.application.port.RateLimiter;
import com.kairos.application.port.VerifiedIdentity;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.router.Endpoint;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The Kairos REST API on Javalin: every route of api.md, registered in {@link #routes}, behind the
 * request-id, version, CORS, authentication and content filters, with one exception mapper.
 */
public final class HttpApi {
  public static final String API_VERSION = "1";
  public static final int MAX_BODY_BYTES = 64 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
  private static final String EXPOSED_HEADERS =
      "ETag, Retry-After, Idempotent-Replayed, Kairos-API-Version, WWW-Authenticate";

  private final ApiSettings settings;
  private final IdentityVerifier identities;
  private final RateLimiter limiter;
  private final HttpMetrics metrics;
  private final RateLimiter.Limit global;
  private final RateLimiter.Limit userReads;
  private final RateLimiter.Limit userWrites;
  private final RateLimiter.Limit anonymous;
  private final List<Route> routes;
  private final Admission admission;
  private final Javalin app;

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
    this.identities = identities;
    this.limiter = limiter;
    this.metrics = metrics;
    ApiSettings.RateLimits limits = settings.rateLimits();
    this.global =
        new RateLimiter.Limit("global", limits.globalPerMinute(), limits.globalPerMinute());
    this.userReads = perCaller("user_read", limits.perUserPerMinute(), limits.burst());
    this.userWrites = perCaller("user_write", limits.perUserWritePerMinute(), limits.burst());
    this.anonymous = perCaller("anonymous", limits.anonymousPerMinute(), limits.burst());
    this.admission = new Admission(settings.capacity(), metrics);
    RequestSchemas schemas = new RequestSchemas();
    Envelope envelope = new Envelope(clock);
    this.routes =
        routes(
            new NegotiationHandlers(
                useCases.startNegotiation(),
                useCases.replyToNegotiation(),
                useCases.sendNegotiation(),
                useCases.cancelNegotiation(),
                useCases.getNegotiation(),
                useCases.listNegotiations(),
                schemas,
                envelope,
                metrics),
            new EventHandlers(
                useCases.getEvent(),
                useCases.listEvents(),
                useCases.listUpcomingEvents(),
                useCases.createEvent(),
                schemas,
                envelope),
            new ProfileHandlers(useCases.getProfile(), useCases.updateProfile(), schemas, envelope),
            new OperationsHandlers(settings, envelope, clock, this::openApiJson),
            metricsScrape);
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
              config.routes.beforeMatched(this::beforeEndpoint);
              for (Route r : routes) {
                config.routes.addHttpHandler(
                    r.method(),
                    r.path(),
                    r.authenticated() ? admission.guard(r.handler()) : r.handler(),
                    r.authenticated() ? Access.AUTHENTICATED : Access.PUBLIC);
              }
              config.routes.after(this::afterEverything);
              config.routes.exception(
                  HttpResponseException.class, (e, ctx) -> Envelope.error(ctx, fromJavalin(e)));
              config.routes.exception(Exception.class, this::onException);
            });
  }

  /** Every endpoint of the API; the one place routes are declared. */
  private static List<Route> routes(
      NegotiationHandlers n,
      EventHandlers e,
      ProfileHandlers p,
      OperationsHandlers o,
      Supplier<String> metricsScrape) {
    List<Integer> write = List.of(400, 401, 403, 404, 409, 413, 415, 422, 429);
    List<Integer> read = List.of(400, 401, 403, 404, 429);
    List<Route> routes =
        new java.util.ArrayList<>(
            List.of(
                new Route(
                    HandlerType.POST,
                    "/negotiate/start",
                    n::start,
                    true,
                    "Start a negotiation",
                    "start-negotiation.json",
                    201,
                    "Negotiation",
                    "Meta",
                    List.of(),
                    List.of(400, 401, 409, 413, 415, 422)),
                new Route(
                    HandlerType.POST,
                    "/negotiate/reply",
                    n::reply,
                    true,
                    "Accept, decline or counter-propose",
                    "reply-negotiation.json",
                    200,
                    "Negotiation",
                    "Meta",
                    List.of(),
                    write),
                new Route(
                    HandlerType.POST,
                    "/negotiate/send",
                    n::send,
                    true,
                    "Send a draft",
                    "negotiation-action.json",
                    200,
                    "Negotiation",
                    "Meta",
                    List.of(),
                    write),
                new Route(
                    HandlerType.POST,
                    "/negotiate/cancel",
                    n::cancel,
                    true,
                    "Cancel a negotiation",
                    "negotiation-action.json",
                    200,
                    "Negotiation",
                    "Meta",
                    List.of(),
                    write),
                new Route(
                    HandlerType.GET,
                    "/negotiations",
                    n::list,
                    true,
                    "List my negotiations",
                    null,
                    200,
                    "NegotiationSummary[]",
                    "ListMeta",
                    List.of("state", "role", "awaiting_me", "updated_after", "limit", "cursor"),
                    List.of(400, 401)),
                new Route(
                    HandlerType.GET,
                    "/negotiations/{id}",
                    n::get,
                    true,
                    "Read one negotiation",
                    null,
                    200,
                    "Negotiation",
                    "Meta",
                    List.of(),
                    read),
                new Route(
                    HandlerType.GET,
                    "/events/upcoming",
                    e::upcoming,
                    true,
                    "My upcoming confirmed events",
                    null,
                    200,
                    "Event[]",
                    "CountMeta",
                    List.of("after", "limit"),
                    List.of(400, 401)),
                new Route(
                    HandlerType.GET,
                    "/events",
                    e::list,
                    true,
                    "List my events",
                    null,
                    200,
                    "Event[]",
                    "ListMeta",
                    List.of("status", "updated_after", "limit", "cursor"),
                    List.of(400, 401)),
                new Route(
                    HandlerType.GET,
                    "/events/{id}",
                    e::get,
                    true,
                    "Read one event",
                    null,
                    200,
                    "Event",
                    "Meta",
                    List.of(),
                    read),
                new Route(
                    HandlerType.POST,
                    "/events",
                    e::create,
                    true,
                    "Create a manual event",
                    "create-event.json",
                    201,
                    "Event",
                    "Meta",
                    List.of(),
                    List.of(400, 401, 409, 413, 415, 422)),
                new Route(
                    HandlerType.GET,
                    "/me",
                    p::get,
                    true,
                    "My profile (created on first call)",
                    null,
                    200,
                    "Profile",
                    "Meta",
                    List.of(),
                    List.of(401)),
                new Route(
                    HandlerType.PATCH,
                    "/me",
                    p::patch,
                    true,
                    "Update my profile",
                    "patch-me.json",
                    200,
                    "Profile",
                    "Meta",
                    List.of(),
                    List.of(400, 401, 413, 415, 422)),
                new Route(
                    HandlerType.GET,
                    "/health",
                    o::health,
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
                    o::ready,
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
                    o::version,
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
                    o::openApi,
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
              ctx -> ctx.contentType(PROMETHEUS_TEXT).result(metricsScrape.get()),
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

  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  /** Operational endpoints are never rate limited. */
  private static final java.util.Set<String> EXEMPT =
      java.util.Set.of("/health", "/ready", "/version", "/metrics");

  static boolean isExempt(String path) {
    return EXEMPT.contains(path);
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

  /** The routes Javalin actually registered, as "METHOD path" (for the inventory test). */
  public List<String> registeredRoutes() {
    return app.unsafe.internalRouter.allHttpHandlers().stream()
        .filter(h -> h.endpoint.method.isHttpMethod())
        .map(h -> h.endpoint.method.name() + " " + h.endpoint.path)
        .toList();
  }

  // ------------------------------------------------------------------ filters

  private void beforeEverything(Context ctx) {
    RequestLog.start(ctx);
    String requestId = RequestIds.assign(ctx, settings.requestIdHeader());
    // Every line logged while this request runs, use cases and adapters included, carries its id.
    MDC.put(RequestIds.MDC_KEY, requestId);
    ctx.header(settings.requestIdHeader(), requestId);
    ctx.header("Cache-Control", "no-store");
    ctx.header("Kairos-API-Version", API_VERSION);
    if (cors(ctx)) {
      return;
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
      ctx.header("Access-Control-Allow-Methods", "GET, POST, PATCH, OPTIONS");
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

  private void beforeEndpoint(Context ctx) {
    Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    boolean exempt = endpoint != null && EXEMPT.contains(endpoint.path);
    if (!exempt) {
      limit("global", global);
    }
    if (ctx.routeRoles().contains(Access.AUTHENTICATED)) {
      VerifiedIdentity identity;
      try {
        identity = identities.verify(bearerToken(ctx));
      } catch (ApiError | AuthenticationFailed refused) {
        // Failed attempts count against the caller's address: token guessing is throttled.
        limit("ip:" + ctx.req().getRemoteAddr(), anonymous);
        throw refused;
      }
      Caller.set(ctx, identity);
      boolean write = ctx.method() != HandlerType.GET;
      limit("user:" + identity.userId().value(), write ? userWrites : userReads);
    } else if (!exempt) {
      limit("ip:" + ctx.req().getRemoteAddr(), anonymous);
    }
    if (ctx.method() == HandlerType.POST || ctx.method() == HandlerType.PATCH) {
      checkBody(ctx);
    }
  }

  private static RateLimiter.Limit perCaller(String name, long perMinute, long burst) {
    return new RateLimiter.Limit(name, perMinute, Math.min(burst, perMinute));
  }

  /** Takes a token from a bucket; keys are the verified user or the socket's address only. */
  private void limit(String key, RateLimiter.Limit limit) {
    RateLimiter.Verdict verdict = limiter.tryAcquire(key, limit);
    if (!verdict.granted()) {
      metrics.rateLimited(limit.name());
      long seconds = verdict.retryAfterSeconds();
      throw new ApiError(
          429,
          "rate_limit_exceeded",
          "Too many requests; retry in " + seconds + " s",
          Map.of("retry_after_seconds", seconds),
          Map.of("Retry-After", String.valueOf(seconds)));
    }
  }

  private void afterEverything(Context ctx) {
    RequestLog.finish(ctx);
    MDC.remove(RequestIds.MDC_KEY);
    Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
    metrics.request(
        ctx.method().name(),
        matched == null ? "unmatched" : matched.path,
        ctx.statusCode(),
        java.time.Duration.ofNanos(RequestLog.elapsedNanos(ctx)));
  }

  /**
   * The token of an {@code Authorization: Bearer <token>} header, parsed by hand: this runs on
   * every request and the header is about 900 characters, so no regex and no copies but one.
   */
  static String bearerToken(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || header.isBlank()) {
      throw ErrorMapper.unauthenticated(AuthenticationFailed.Reason.MISSING_TOKEN);
    }
    int start = skipSpaces(header, 0);
    int scheme = start + "bearer".length();
    if (scheme >= header.length()
        || !header.regionMatches(true, start, "bearer", 0, "bearer".length())
        || !Character.isWhitespace(header.charAt(scheme))) {
      throw ErrorMapper.unauthenticated(AuthenticationFailed.Reason.MALFORMED_TOKEN);
    }
    int from = skipSpaces(header, scheme);
    int to = header.length();
    while (to > from && Character.isWhitespace(header.charAt(to - 1))) {
      to--;
    }
    if (from == to) {
      throw ErrorMapper.unauthenticated(AuthenticationFailed.Reason.MALFORMED_TOKEN);
    }
    return header.substring(from, to);
  }

  private static int skipSpaces(String text, int from) {
    int i = from;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static void checkBody(Context ctx) {
    long length = ctx.req().getContentLengthLong();
    boolean hasBody = length > 0 || ctx.header("Transfer-Encoding") != null;
    if (length > MAX_BODY_BYTES) {
      throw tooLarge();
    }
    if (hasBody) {
      String type = ctx.header("Content-Type");
      String mediaType = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
      if (!"application/json".equals(mediaType)) {
        throw new ApiError(
            415,
            "unsupported_media_type",
            "Request bodies must be application/json",
            Map.of(),
            null);
      }
    }
  }

  static ApiError tooLarge() {
    return new ApiError(
        413,
        "payload_too_large",
        "The request body is larger than 64 KiB",
        Map.of("max_bytes", MAX_BODY_BYTES),
        null);
  }

  // ------------------------------------------------------------------ errors

  private static ApiError fromJavalin(HttpResponseException e) {
    switch (e.getStatus()) {
      case 404:
        return new ApiError(404, "not_found", "No such route", Map.of(), null);
      case 405:
        return new ApiError(
            405, "method_not_allowed", "This route does not accept that method", Map.of(), null);
      case 413:
        return tooLarge();
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
