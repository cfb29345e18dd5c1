package com.kairos.http;

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
    RateLimits rateLimits) {

  public ApiSettings {
    corsAllowedOrigins = List.copyOf(corsAllowedOrigins);
    Objects.requireNonNull(requestIdHeader, "requestIdHeader");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(readiness, "readiness");
    Objects.requireNonNull(rateLimits, "rateLimits");
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
