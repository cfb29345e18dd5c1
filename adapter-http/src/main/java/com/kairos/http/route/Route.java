package com.kairos.http.route;

import com.kairos.application.port.RateLimiter;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Objects;

/**
 * One endpoint: what Javalin registers and what the OpenAPI document says about it, kept together
 * so that they cannot drift apart. Declared with {@link Routes}.
 *
 * @param authenticated whether the route needs a verified bearer token
 * @param rateLimited false for the operational endpoints, which are never rate limited
 * @param ownLimit a bucket of its own, taken per user on top of the user's limits, or null
 * @param requestSchema the JSON Schema file of the body, or null for no body
 * @param responseSchema the schema of {@code data} ({@code X[]} for a list), or null when the route
 *     answers something other than the envelope
 */
public record Route(
    HandlerType method,
    String path,
    Handler handler,
    boolean authenticated,
    boolean rateLimited,
    RateLimiter.Limit ownLimit,
    String operationId,
    String tag,
    String summary,
    String description,
    String requestSchema,
    int successStatus,
    String responseSchema,
    String metaSchema,
    List<String> queryParams,
    List<Integer> errorStatuses) {

  public Route {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(operationId, "operationId of " + path);
    Objects.requireNonNull(tag, "tag of " + path);
    Objects.requireNonNull(summary, "summary of " + path);
    Objects.requireNonNull(description, "description of " + path);
    queryParams = List.copyOf(queryParams);
    errorStatuses = List.copyOf(errorStatuses);
  }

  /** "METHOD path", as in {@code GET /negotiations/{id}}. */
  public String key() {
    return method.name() + " " + path;
  }
}
