package com.kairos.http;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the HTTP adapter needs to know about its deployment. {@code corsAllowedOrigins} lists exact
 * origins ({@code https://app.example.com}); {@code requestIdHeader} is usually {@code
 * X-Request-Id}.
 */
public record ApiSettings(
    List<String> corsAllowedOrigins,
    String requestIdHeader,
    VersionInfo version,
    Readiness readiness,
    RateLimits rateLimits,
    Capacity capacity) {

  public ApiSettings {
    corsAllowedOrigins = List.copyOf(corsAllowedOrigins);
    Objects.requireNonNull(requestIdHeader, "requestIdHeader");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(readiness, "readiness");
    Objects.requireNonNull(rateLimits, "rateLimits");
    Objects.requireNonNull(capacity, "capacity");
  }

  public ApiSettings(
      List<String> corsAllowedOrigins,
      String requestIdHeader,
      VersionInfo version,
      Readiness readiness,
      RateLimits rateLimits) {
    this(corsAllowedOrigins, requestIdHeader, version, readiness, rateLimits, Capacity.DEFAULTS);
  }

  public ApiSettings(
      List<String> corsAllowedOrigins,
      String requestIdHeader,
      VersionInfo version,
      Readiness readiness) {
    this(corsAllowedOrigins, requestIdHeader, version, readiness, RateLimits.DEFAULTS);
  }

  /**
   * Requests per minute: across the whole service, per user for reads and for writes (stricter),
   * and per remote address for requests without a valid token; {@code burst} is how many a user may
   * make at once.
   */
  public record RateLimits(
      long globalPerMinute,
      long perUserPerMinute,
      long perUserWritePerMinute,
      long anonymousPerMinute,
      long burst) {
    public static final RateLimits DEFAULTS = new RateLimits(6000, 300, 60, 30, 30);

    public RateLimits {
      if (globalPerMinute < 1
          || perUserPerMinute < 1
          || perUserWritePerMinute < 1
          || anonymousPerMinute < 1
          || burst < 1) {
        throw new IllegalArgumentException("rate limits must be positive");
      }
    }
  }

  /**
   * How much work the instance takes on: at most {@code maxInFlight} database-bound requests at
   * once, {@code maxQueued} more waiting up to {@code queueTimeout} (the rest get 503 at once), at
   * most {@code maxInFlightPerUser} requests of one account at a time (else 429); request bodies
   * must arrive at {@code minBodyBytesPerSecond} or faster and never stall for longer than {@code
   * requestIdleTimeout}.
   */
  public record Capacity(
      int maxInFlight,
      int maxQueued,
      Duration queueTimeout,
      int maxInFlightPerUser,
      long minBodyBytesPerSecond,
      Duration requestIdleTimeout) {
    public static final Capacity DEFAULTS =
        new Capacity(10, 100, Duration.ofMillis(500), 8, 256, Duration.ofSeconds(10));

    public Capacity {
      Objects.requireNonNull(queueTimeout, "queueTimeout");
      Objects.requireNonNull(requestIdleTimeout, "requestIdleTimeout");
      if (maxInFlight < 1 || maxQueued < 0 || maxInFlightPerUser < 1 || minBodyBytesPerSecond < 0) {
        throw new IllegalArgumentException("capacity limits out of range");
      }
    }
  }

  /** What {@code GET /version} reports. */
  public record VersionInfo(
      String backendVersion, String environment, String buildTimestamp, String commitSha) {}

  /** Whether the service can serve traffic: its dependencies answer and its schema is current. */
  public interface Readiness {
    /** The name of the first dependency that is not ready, or null when all are. */
    String unavailableDependency();

    /** The applied schema version, or null when unknown. */
    String schemaVersion();

    Readiness ALWAYS =
        new Readiness() {
          @Override
          public String unavailableDependency() {
            return null;
          }

          @Override
          public String schemaVersion() {
            return null;
          }
        };
  }
}
