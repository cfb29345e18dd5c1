package com.kairos.http.route;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Set;

/**
 * One endpoint: what Javalin registers and what the OpenAPI document says about it, kept together
 * so that they cannot drift apart.
 */
public record Route(
    HandlerType method,
    String path,
    Handler handler,
    boolean authenticated,
    String summary,
    String requestSchema,
    int successStatus,
    String responseSchema,
    String metaSchema,
    List<String> queryParams,
    List<Integer> errorStatuses) {

  public Route {
    queryParams = List.copyOf(queryParams);
    errorStatuses = List.copyOf(errorStatuses);
  }

  /** Operational endpoints are never rate limited. */
  private static final Set<String> EXEMPT = Set.of("/health", "/ready", "/version", "/metrics");

  /** Whether requests to {@code path} skip the rate limits. */
  public static boolean isRateLimitExempt(String path) {
    return EXEMPT.contains(path);
  }
}
