package com.kairos.http;

import com.kairos.application.port.AuthenticationFailed;
import com.kairos.application.port.IdentityVerifier;
import com.kairos.application.port.RateLimiter;
import com.kairos.application.port.VerifiedIdentity;
import com.kairos.http.json.ApiError;
import com.kairos.http.route.Caller;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Locale;
import java.util.Map;

/**
 * What a matched request must pass before its handler runs: the bearer token of a protected route
 * (verified by the {@link IdentityVerifier} port), the global, per-user and per-address rate
 * limits, and a body that is JSON and at most 64 KiB by its headers.
 */
final class AccessFilter {
  private final IdentityVerifier identities;
  private final RateLimiter limiter;
  private final HttpMetrics metrics;
  private final RateLimiter.Limit global;
  private final RateLimiter.Limit userReads;
  private final RateLimiter.Limit userWrites;
  private final RateLimiter.Limit anonymous;

  AccessFilter(
      IdentityVerifier identities,
      RateLimiter limiter,
      HttpMetrics metrics,
      ApiSettings.RateLimits limits) {
    this.identities = identities;
    this.limiter = limiter;
    this.metrics = metrics;
    this.global =
        new RateLimiter.Limit("global", limits.globalPerMinute(), limits.globalPerMinute());
    this.userReads = perCaller("user_read", limits.perUserPerMinute(), limits.burst());
    this.userWrites = perCaller("user_write", limits.perUserWritePerMinute(), limits.burst());
    this.anonymous = perCaller("anonymous", limits.anonymousPerMinute(), limits.burst());
  }

  /** Authenticates protected routes, applies the rate limits and checks the body's headers. */
  void beforeHandler(Context ctx) {
    boolean exempt = ctx.routeRoles().contains(Access.UNLIMITED);
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
      for (var role : ctx.routeRoles()) {
        if (role instanceof Access.OwnLimit own) {
          limit("user:" + identity.userId().value(), own.limit());
        }
      }
    } else if (!exempt) {
      limit("ip:" + ctx.req().getRemoteAddr(), anonymous);
    }
    if (ctx.method() == HandlerType.POST
        || ctx.method() == HandlerType.PATCH
        || ctx.method() == HandlerType.PUT) {
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
    if (length > HttpApi.MAX_BODY_BYTES) {
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
        Map.of("max_bytes", HttpApi.MAX_BODY_BYTES),
        null);
  }
}
