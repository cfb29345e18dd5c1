package com.kairos.http.testing;

import com.kairos.application.UseCases;
import com.kairos.application.account.RevokedAccountsVerifier;
import com.kairos.application.port.RateLimiter;
import com.kairos.application.testing.InMemoryBackend;
import com.kairos.http.ApiSettings;
import com.kairos.http.HttpApi;
import com.kairos.http.HttpMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Base of HTTP tests: a real Javalin server on a random port over the in-memory use cases. */
public abstract class ApiTest {
  public static final String ALLOWED_ORIGIN = "https://app.kairos.test";
  protected InMemoryBackend backend;
  protected HttpApi api;
  protected ApiClient client;

  protected ApiSettings.Readiness readiness() {
    return ApiSettings.Readiness.ALWAYS;
  }

  protected RateLimiter limiter() {
    return RateLimiter.UNLIMITED;
  }

  protected ApiSettings.RateLimits rateLimits() {
    return ApiSettings.RateLimits.DEFAULTS;
  }

  protected ApiSettings.Capacity capacity() {
    return ApiSettings.Capacity.DEFAULTS;
  }

  /** The use cases the server runs; tests may wrap the backend's ports. */
  protected UseCases useCases(InMemoryBackend backend) {
    return backend.useCases;
  }

  /** A registry to serve at /metrics, or null for no metrics. */
  protected PrometheusMeterRegistry registry() {
    return null;
  }

  @BeforeEach
  void startServer() {
    backend = new InMemoryBackend();
    PrometheusMeterRegistry registry = registry();
    UseCases useCases = useCases(backend);
    api =
        new HttpApi(
                useCases,
                // As the server wires it: a deleted account's tokens are refused.
                new RevokedAccountsVerifier(new TestIdentityVerifier(), useCases.revokedAccounts()),
                limiter(),
                registry == null ? HttpMetrics.disabled() : new HttpMetrics(registry),
                registry == null ? null : registry::scrape,
                new ApiSettings(
                    List.of(ALLOWED_ORIGIN),
                    "X-Request-Id",
                    new ApiSettings.VersionInfo("1.2.3", "test", "2026-11-23T00:00:00Z", "abc123"),
                    readiness(),
                    rateLimits(),
                    capacity()),
                backend.clock)
            .start("127.0.0.1", 0);
    client = new ApiClient("http://127.0.0.1:" + api.port(), api.openApiJson());
  }

  @AfterEach
  void stopServer() {
    api.stop();
  }
}
