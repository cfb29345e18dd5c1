package com.kairos.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kairos.domain.testing.Fixtures;
import com.kairos.firebase.testing.TestTokens;
import com.kairos.http.testing.ApiClient;
import com.kairos.http.testing.ApiClient.Answer;
import com.kairos.postgres.DatabaseUrl;
import com.kairos.postgres.testing.TestDatabase;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole server as production wires it: real PostgreSQL, migrations at start, and real Firebase
 * RS256 verification (against test certificates) in front of every protected route.
 */
class KairosServerTest {
  private static final String PROJECT = "kairos-it";
  private static final TestTokens TOKENS = new TestTokens(PROJECT);
  private static final String MARKER = Fixtures.base64(Fixtures.SECRET_MARKER);
  private static KairosServer server;
  private static LogCapture logs;
  private static ApiClient client;

  @BeforeAll
  static void start() {
    logs = new LogCapture();
    DatabaseUrl db = TestDatabase.createDatabase();
    Map<String, String> env = TestServerEnv.staging(db, PROJECT);
    server = KairosServer.start(KairosConfig.from(env), Clock.systemUTC());
    client = new ApiClient("http://127.0.0.1:" + server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
    logs.close();
  }

  private static Map<String, String> as(String uid) {
    Map<String, String> headers = new HashMap<>();
    headers.put("Authorization", "Bearer " + TOKENS.sign(uid, null));
    headers.put("Content-Type", "application/json");
    return headers;
  }

  @Test
  void aNegotiationRunsEndToEndOnTheRealStack() {
    String id = UUID.randomUUID().toString();
    String start =
        """
        {"id": "%s", "intent_category": "lunch", "participant_ids": ["it-bob"],
         "proposed_slots": [{"starts_at": "2099-06-01T12:00:00Z"}], "encrypted_payload": "%s"}
        """
            .formatted(id, MARKER);
    Answer started = client.send("POST", "/negotiate/start", as("it-alice"), start);
    assertThat(started.status()).as(started.text()).isEqualTo(201);
    assertThat(started.data().get("encrypted_payload").asText()).isEqualTo(MARKER);

    Answer done =
        client.send(
            "POST",
            "/negotiate/reply",
            as("it-bob"),
            "{\"negotiation_id\": \"%s\", \"action\": \"accept\", \"encrypted_payload\": \"%s\"}"
                .formatted(id, MARKER));
    assertThat(done.status()).as(done.text()).isEqualTo(200);
    assertThat(done.data().get("state").asText()).isEqualTo("finalized");

    Answer upcoming = client.send("GET", "/events/upcoming", as("it-alice"), null);
    JsonNode event = upcoming.data().get(0);
    assertThat(event.get("negotiation_id").asText()).isEqualTo(id);
    assertThat(event.get("encrypted_payload").asText()).isEqualTo(MARKER);
    Answer foreign = client.send("GET", "/negotiations/" + id, as("it-mallory"), null);
    assertThat(foreign.status()).isEqualTo(403);
  }

  @Test
  void forgedOrMissingTokensAreRefused() {
    Answer none = client.send("GET", "/me", Map.of(), null);
    assertThat(none.status()).isEqualTo(401);
    Answer forged =
        client.send(
            "GET", "/me", Map.of("Authorization", "Bearer " + TOKENS.sign("x", null) + "x"), null);
    assertThat(forged.status()).isEqualTo(401);
    assertThat(forged.error().get("details").get("reason").asText()).isEqualTo("invalid_token");
    Answer me =
        client.send(
            "GET",
            "/me",
            Map.of("Authorization", "Bearer " + TOKENS.sign("it-carol", "Carol")),
            null);
    assertThat(me.data().get("display_name").asText()).isEqualTo("Carol");
  }

  @Test
  void operationalEndpointsReportTheRealDependencies() {
    assertThat(client.get("/ready", null).status()).isEqualTo(200);
    JsonNode version = client.get("/version", null).data();
    assertThat(version.get("schema_version").asText()).isEqualTo("4");
    assertThat(version.get("environment").asText()).isEqualTo("staging");
    assertThat(version.get("backend_version").asText()).isNotBlank();
  }

  @Test
  void noBlobOrTokenEverReachesTheLogs() {
    String token = TOKENS.sign("it-logger", null);
    Map<String, String> headers = new HashMap<>(as("it-logger"));
    headers.put("Authorization", "Bearer " + token);
    String[] bodies = {
      "{\"id\": \""
          + UUID.randomUUID()
          + "\", \"intent_category\": \"coffee\", \"participant_ids\": [\"b\"],"
          + " \"proposed_slots\": [{\"starts_at\": \"2099-01-01T00:00:00Z\"}], \"encrypted_payload\": \""
          + MARKER
          + "\"}",
      "{\"id\": \""
          + UUID.randomUUID()
          + "\", \"intent_category\": \"coffee\", \"participant_ids\": [\"b\"],"
          + " \"proposed_slots\": [{\"starts_at\": \"2000-01-01T00:00:00Z\"}], \"encrypted_payload\": \""
          + MARKER
          + "\"}",
      "{\"encrypted_payload\": \"" + MARKER + "\", \"" + MARKER + "\": true}",
      "{\"encrypted_payload\": " + "\"" + MARKER + "\"",
    };
    for (String body : bodies) {
      client.send("POST", "/negotiate/start", headers, body);
    }
    client.send("GET", "/me", Map.of("Authorization", "Bearer " + token + "tampered"), null);
    String logged = logs.text();
    assertThat(logged).contains("request completed").contains("\"status_code\"");
    assertThat(logged)
        .doesNotContain(MARKER)
        .doesNotContain(Fixtures.SECRET_MARKER)
        .doesNotContain(token)
        .doesNotContain(token.substring(token.lastIndexOf('.') + 1));
  }

  @Test
  void everyLineOfARequestCarriesItsRequestIdUseCasesIncluded() {
    String id = UUID.randomUUID().toString();
    Map<String, String> headers = new HashMap<>(as("it-tracer"));
    headers.put("X-Request-Id", "trace-" + id);
    String start =
        """
        {"id": "%s", "intent_category": "study", "participant_ids": ["it-bob"],
         "proposed_slots": [{"starts_at": "2099-06-01T12:00:00Z"}], "encrypted_payload": "%s"}
        """
            .formatted(id, MARKER);
    Answer started = client.send("POST", "/negotiate/start", headers, start);
    assertThat(started.status()).as(started.text()).isEqualTo(201);

    java.util.List<String> lines =
        logs.text().lines().filter(l -> l.contains(id) || l.contains("trace-" + id)).toList();
    java.util.List<String> useCase =
        lines.stream().filter(l -> l.contains("negotiation started")).toList();
    assertThat(useCase).hasSize(1);
    assertThat(useCase.get(0)).contains("\"request_id\":\"trace-" + id + "\"");
    java.util.List<String> request =
        lines.stream().filter(l -> l.contains("request completed")).toList();
    assertThat(request).hasSize(1);
    assertThat(request.get(0)).contains("trace-" + id);
    assertThat(request.get(0).split("\"request_id\"", -1)).as(request.get(0)).hasSize(2);
  }

  @Test
  void withoutAnExporterLogLinesStillCarryTheTraceCloudRunSent() {
    String traceId = UUID.randomUUID().toString().replace("-", "");
    Map<String, String> headers = new HashMap<>(as("it-cloud"));
    headers.put("X-Cloud-Trace-Context", traceId + "/12345;o=1");
    Answer me = client.send("GET", "/me", headers, null);
    assertThat(me.status()).as(me.text()).isEqualTo(200);

    JsonNode line = LogLines.requestLine(logs, traceId);
    assertThat(line.get("logging.googleapis.com/trace").asText())
        .isEqualTo("projects/" + LogCapture.PROJECT + "/traces/" + traceId);
    // Nothing is recorded without an exporter: the line names the caller's span.
    assertThat(line.get("logging.googleapis.com/spanId").asText()).isEqualTo("0000000000003039");
    assertThat(line.get("severity").asText()).isEqualTo("INFO");
  }
}
