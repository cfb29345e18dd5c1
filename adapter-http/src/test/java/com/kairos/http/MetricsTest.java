package com.kairos.http;

import static com.kairos.domain.testing.Fixtures.ALICE;
import static com.kairos.domain.testing.Fixtures.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import com.kairos.application.port.RateLimiter;
import com.kairos.http.testing.ApiClient.Answer;
import com.kairos.http.testing.ApiTest;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** /metrics in Prometheus text, with the series operations need and no personal data. */
class MetricsTest extends ApiTest {
  private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  @Override
  protected PrometheusMeterRegistry registry() {
    return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  }

  @Override
  protected ApiSettings.RateLimits rateLimits() {
    return new ApiSettings.RateLimits(1000, 100, 100, 2, 100);
  }

  @Override
  protected RateLimiter limiter() {
    return new InMemoryRateLimiter(backend.clock);
  }

  @Test
  void metricsExposeRequestsNegotiationsErrorsAndRefusalsWithoutUserIds() {
    String id = UUID.randomUUID().toString();
    Answer started =
        client.post("/negotiate/start", ALICE, NegotiationEndpointsTest.startBody(id, "bob-uid"));
    assertThat(started.status()).isEqualTo(201);
    client.post(
        "/negotiate/reply", BOB, "{\"negotiation_id\": \"" + id + "\", \"action\": \"accept\"}");
    client.get("/negotiations/" + id, BOB);
    for (int i = 0; i < 3; i++) {
      client.send("GET", "/me", Map.of("Authorization", "Bearer nope"), null);
    }

    Answer metrics = client.get("/metrics", null);
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.header("Content-Type")).startsWith("text/plain");
    String text = metrics.text();
    assertThat(text)
        .contains("http_server_requests_seconds_bucket{")
        .contains("route=\"/negotiations/{id}\"")
        .contains("route=\"/negotiations/{id}\",status=\"200\",le=\"0.01\"}")
        .contains(
            "http_server_requests_seconds_count{method=\"POST\",route=\"/negotiate/start\",status=\"201\"} 1")
        .contains("kairos_negotiations_total{event=\"started\"} 1.0")
        .contains("kairos_negotiations_total{event=\"replied\"} 1.0")
        .contains("kairos_negotiations_total{event=\"finalized\"} 1.0")
        .contains("kairos_errors_total{code=\"authentication_error\"} 2.0")
        .contains("kairos_errors_total{code=\"rate_limit_exceeded\"} 1.0")
        .contains("kairos_rate_limit_refusals_total{bucket=\"anonymous\"} 1.0");

    Set<String> labelValues = new HashSet<>();
    Matcher m = LABEL.matcher(text);
    while (m.find()) {
      labelValues.add(m.group(2));
    }
    assertThat(labelValues).isNotEmpty().doesNotContain("alice-uid", "bob-uid", id);
    assertThat(text).doesNotContain("alice-uid").doesNotContain("bob-uid").doesNotContain(id);
  }

  @Test
  void metricsAreDocumentedAndExemptWhenEnabled() {
    assertThat(api.registeredRoutes()).contains("GET /metrics");
    assertThat(client.get("/openapi.json", null).json().get("paths").has("/metrics")).isTrue();
    for (int i = 0; i < 5; i++) {
      assertThat(client.get("/metrics", null).status()).isEqualTo(200);
    }
  }
}
