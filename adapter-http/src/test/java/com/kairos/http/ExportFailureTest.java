package com.kairos.http;

import static com.kairos.domain.testing.Fixtures.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kairos.application.UseCases;
import com.kairos.application.port.DependencyUnavailable;
import com.kairos.application.port.DeviceRepository;
import com.kairos.application.port.EventRepository;
import com.kairos.application.testing.InMemoryBackend;
import com.kairos.domain.testing.Fixtures;
import com.kairos.http.testing.ApiClient.Answer;
import com.kairos.http.testing.ApiTest;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A failure before the export starts is answered in the error envelope; once the document has
 * started, the connection breaks, so that a truncated export never passes for a whole one.
 */
class ExportFailureTest extends ApiTest {
  private volatile String failing = "";

  @Override
  protected UseCases useCases(InMemoryBackend b) {
    return UseCases.create(
        new UseCases.Ports(
            b.transactions,
            b.negotiations,
            b.negotiations,
            b.negotiations,
            b.negotiations,
            failingWhen("events", EventRepository.class, b.events),
            b.profiles,
            b.users,
            failingWhen("devices", DeviceRepository.class, b.devices),
            b.outbox,
            b.deletions,
            b.jobs),
        b.ids,
        b.cursors,
        b.clock);
  }

  /** {@code real}, except that every call fails while {@link #failing} names it. */
  private <T> T failingWhen(String name, Class<T> port, T real) {
    return port.cast(
        Proxy.newProxyInstance(
            port.getClassLoader(),
            new Class<?>[] {port},
            (proxy, method, args) -> {
              if (name.equals(failing)) {
                throw new DependencyUnavailable("database", "the database is down");
              }
              try {
                return method.invoke(real, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            }));
  }

  @Test
  void aFailureBeforeTheDocumentStartsIsTheUsualEnvelope() {
    failing = "devices";
    Answer refused = client.get("/me/export", ALICE);
    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.error().get("code").asText()).isEqualTo("service_unavailable");
    assertThat(refused.header("Content-Disposition")).isNull();
  }

  @Test
  void aFailureBeforeAnythingWasSentIsStillTheEnvelope() {
    failing = "events"; // after the negotiations, all still in the response buffer
    Answer refused = client.get("/me/export", ALICE);
    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.error().get("details").get("dependency").asText()).isEqualTo("database");
    assertThat(refused.header("Content-Disposition")).isNull();
  }

  @Test
  void aFailureOnceTheDocumentWasSentBreaksTheConnection() {
    String big = Fixtures.base64("x".repeat(15_000));
    for (int i = 0; i < 4; i++) { // about 80 KB of negotiations: more than the response buffer
      Answer started =
          client.post(
              "/negotiate/start",
              ALICE,
              """
              {"id": "%s", "intent_category": "dinner", "participant_ids": ["bob-uid"],
               "proposed_slots": [{"starts_at": "2026-11-25T19:00:00Z"}], "encrypted_payload": "%s"}
              """
                  .formatted(UUID.randomUUID(), big));
      assertThat(started.status()).as(started.text()).isEqualTo(201);
    }
    failing = "events";
    assertThatThrownBy(() -> client.get("/me/export", ALICE))
        .as("no complete answer, never a 200 with half a document")
        .isInstanceOf(UncheckedIOException.class);
    failing = "";
    backend.clock.advance(Duration.ofMinutes(1));
    Answer whole = client.get("/me/export", ALICE);
    assertThat(whole.status()).isEqualTo(200);
    assertThat(whole.json().get("negotiations")).hasSize(4);
  }
}
