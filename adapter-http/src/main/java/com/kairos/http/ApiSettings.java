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
    Readiness readiness) {

  public ApiSettings {
    corsAllowedOrigins = List.copyOf(corsAllowedOrigins);
    Objects.requireNonNull(requestIdHeader, "requestIdHeader");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(readiness, "readiness");
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
