package com.kairos.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.kairos.http.testing.ApiClient.Answer;
import com.kairos.http.testing.ApiTest;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OperationsEndpointsTest extends ApiTest {

  @Test
  void healthReportsUptimeWithoutTouchingAnything() {
    backend.clock.advance(Duration.ofSeconds(42));
    Answer a = client.get("/health", null);
    assertThat(a.data().get("status").asText()).isEqualTo("ok");
    assertThat(a.data().get("uptime_seconds").asLong()).isEqualTo(42);
    assertThat(a.data().get("timestamp").asText()).isEqualTo("2026-11-23T10:00:42.000Z");
  }

  @Test
  void versionDescribesTheBuild() {
    Answer a = client.get("/version", null);
    assertThat(a.data().get("backend_version").asText()).isEqualTo("1.2.3");
    assertThat(a.data().get("api_version").asText()).isEqualTo("1");
    assertThat(a.data().get("environment").asText()).isEqualTo("test");
    assertThat(a.data().get("build_timestamp").asText()).isEqualTo("2026-11-23T00:00:00.000Z");
    assertThat(a.data().get("commit_sha").asText()).isEqualTo("abc123");
    assertThat(a.data().has("schema_version")).isTrue();
  }

  @Test
  void readyWhenEveryDependencyAnswers() {
    Answer a = client.get("/ready", null);
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.data().get("status").asText()).isEqualTo("ready");
  }

  @Nested
  class WhenTheDatabaseIsDown extends ApiTest {
    @Override
    protected ApiSettings.Readiness readiness() {
      return new ApiSettings.Readiness() {
        @Override
        public String unavailableDependency() {
          return "database";
        }

        @Override
        public String schemaVersion() {
          return null;
        }
      };
    }

    @Test
    void readyIsServiceUnavailable() {
      Answer a = client.get("/ready", null);
      assertThat(a.status()).isEqualTo(503);
      assertThat(a.header("Retry-After")).isEqualTo("5");
      assertThat(a.error().get("code").asText()).isEqualTo("service_unavailable");
      assertThat(a.error().get("details").get("dependency").asText()).isEqualTo("database");
      assertThat(client.get("/health", null).status()).isEqualTo(200);
    }
  }
}
