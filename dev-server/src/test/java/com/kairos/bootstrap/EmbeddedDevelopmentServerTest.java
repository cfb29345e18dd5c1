package com.kairos.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.kairos.domain.testing.Fixtures;
import com.kairos.http.testing.ApiClient;
import com.kairos.http.testing.ApiClient.Answer;
import com.kairos.http.testing.TestIdentityVerifier;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Development without DATABASE_URL: an embedded PostgreSQL whose data survives a restart. */
class EmbeddedDevelopmentServerTest {

  @Test
  void dataCreatedThroughTheApiSurvivesARestart(@TempDir Path dataDir) {
    KairosConfig config =
        KairosConfig.from(
            Map.of(
                "PORT",
                "0",
                "HOST",
                "127.0.0.1",
                "KAIROS_DATA_DIR",
                dataDir.toString(),
                "CURSOR_SECRET",
                "a-development-cursor-secret-32-bytes+"));
    String eventId = UUID.randomUUID().toString();
    String blob = Fixtures.base64("still here");
    try (KairosServer first =
        KairosServer.start(config, Clock.systemUTC(), new TestIdentityVerifier())) {
      Answer created =
          new ApiClient("http://127.0.0.1:" + first.port())
              .post(
                  "/events",
                  Fixtures.ALICE,
                  "{\"id\": \"%s\", \"starts_at\": \"2099-01-01T10:00:00Z\", \"encrypted_payload\": \"%s\"}"
                      .formatted(eventId, blob));
      assertThat(created.status()).as(created.text()).isEqualTo(201);
    }
    assertThat(dataDir.resolve("postgres").resolve("PG_VERSION")).exists();
    try (KairosServer second =
        KairosServer.start(config, Clock.systemUTC(), new TestIdentityVerifier())) {
      Answer read =
          new ApiClient("http://127.0.0.1:" + second.port())
              .get("/events/" + eventId, Fixtures.ALICE);
      assertThat(read.status()).isEqualTo(200);
      assertThat(read.data().get("encrypted_payload").asText()).isEqualTo(blob);
    }
  }
}
