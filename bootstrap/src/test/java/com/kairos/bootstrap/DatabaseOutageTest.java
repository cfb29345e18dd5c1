package com.kairos.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.kairos.firebase.testing.TestTokens;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A database failover, played for real: the whole server on its own embedded PostgreSQL, which the
 * test stops and starts again under the running server. While it is down, API calls answer 503
 * {@code database} with {@code Retry-After} (never 500, never a hang), {@code /ready} says 503 and
 * {@code /health} keeps answering 200; once it is back, the same server serves again. The deadlines
 * are client timeouts that catch a hang, not performance assertions.
 */
class DatabaseOutageTest {
  private static final String PROJECT = "kairos-outage";
  private static final TestTokens TOKENS = new TestTokens(PROJECT);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static Path dataDir;
  private static int pgPort;
  private static EmbeddedPostgres postgres;
  private static KairosServer server;
  private static String base;

  @BeforeAll
  static void start() throws IOException {
    dataDir = Files.createTempDirectory("kairos-outage");
    try (ServerSocket socket = new ServerSocket(0)) {
      pgPort = socket.getLocalPort();
    }
    postgres = startPostgres();
    Map<String, String> env = new HashMap<>();
    env.put("KAIROS_ENV", "staging");
    env.put("PORT", "0");
    env.put("HOST", "127.0.0.1");
    env.put("DATABASE_URL", "jdbc:postgresql://localhost:" + pgPort + "/postgres?user=postgres");
    env.put("FIREBASE_PROJECT_ID", PROJECT);
    env.put("FIREBASE_TEST_CERTIFICATES", TestTokens.certificatesFile().toString());
    env.put("CURSOR_SECRET", "an-outage-test-cursor-secret-of-32-bytes+");
    env.put("EXPIRY_SWEEP_INTERVAL_SECONDS", "1");
    server = KairosServer.start(KairosConfig.from(env), Clock.systemUTC());
    base = "http://127.0.0.1:" + server.port();
  }

  private static EmbeddedPostgres startPostgres() throws IOException {
    return EmbeddedPostgres.builder()
        .setDataDirectory(dataDir)
        .setCleanDataDirectory(false)
        .setPort(pgPort)
        .start();
  }

  @AfterAll
  static void stop() throws IOException {
    if (server != null) {
      server.close();
    }
    if (postgres != null) {
      postgres.close();
    }
    try (var files = Files.walk(dataDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }

  private record Reply(int status, Map<String, java.util.List<String>> headers, String body) {
    String header(String name) {
      return headers.getOrDefault(name.toLowerCase(), java.util.List.of("")).get(0);
    }
  }

  /** One request that must be answered within {@code deadline}, else the test fails. */
  private static Reply call(String method, String path, String body, Duration deadline)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(deadline)
            .header("Authorization", "Bearer " + TOKENS.sign("outage-alice", null))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.headers().map(), response.body());
    } catch (HttpTimeoutException e) {
      throw new AssertionError(method + " " + path + " did not answer within " + deadline, e);
    }
  }

  private static String startBody() {
    return """
        {"id": "%s", "intent_category": "walk", "participant_ids": ["outage-bob"],
         "proposed_slots": [{"starts_at": "2099-06-01T12:00:00Z"}], "encrypted_payload": "%s"}
        """
        .formatted(UUID.randomUUID(), com.kairos.domain.testing.Fixtures.base64("p"));
  }

  private static void assertDatabaseUnavailable(Reply reply) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(503);
    assertThat(reply.body()).contains("\"code\":\"service_unavailable\"");
    assertThat(reply.body()).contains("\"dependency\":\"database\"");
    assertThat(reply.header("Retry-After")).matches("[1-9][0-9]*");
  }

  @Test
  void anOutageIsAFastServiceUnavailableAndTheServerRecoversByItself() throws Exception {
    Duration api = Duration.ofSeconds(2);
    assertThat(call("GET", "/me", null, api).status()).isEqualTo(200);
    assertThat(call("POST", "/negotiate/start", startBody(), api).status()).isEqualTo(201);

    postgres.close();
    postgres = null;

    for (int round = 0; round < 3; round++) {
      assertDatabaseUnavailable(call("GET", "/me", null, api));
      assertDatabaseUnavailable(call("GET", "/negotiations", null, api));
      assertDatabaseUnavailable(call("POST", "/negotiate/start", startBody(), api));
      Reply ready = call("GET", "/ready", null, Duration.ofSeconds(1));
      assertThat(ready.status()).isEqualTo(503);
      assertThat(ready.body()).contains("\"dependency\":\"database\"");
      Reply health = call("GET", "/health", null, Duration.ofMillis(500));
      assertThat(health.status()).isEqualTo(200);
      assertThat(health.body()).contains("\"status\":\"ok\"");
    }
    Reply version = call("GET", "/version", null, Duration.ofMillis(500));
    assertThat(version.status()).isEqualTo(200);
    assertThat(version.body()).contains("\"schema_version\":\"4\"");

    postgres = startPostgres();

    Reply me = null;
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      me = call("GET", "/me", null, api);
      if (me.status() == 200) {
        break;
      }
      assertDatabaseUnavailable(me); // nothing but 503 until it is back
      Thread.sleep(100);
    }
    assertThat(me.status()).as("served again after the database returned").isEqualTo(200);
    assertThat(me.body()).contains("\"firebase_uid\":\"outage-alice\"");
    assertThat(call("GET", "/ready", null, Duration.ofSeconds(1)).status()).isEqualTo(200);
    Reply list = call("GET", "/negotiations", null, api);
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).contains("\"owner_id\":\"outage-alice\"");
  }
}
