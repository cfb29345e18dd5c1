package com.kairos.http;

import static com.kairos.domain.testing.Fixtures.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.kairos.domain.testing.Fixtures;
import com.kairos.http.testing.ApiClient.Answer;
import com.kairos.http.testing.ApiTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/** The protocol around the endpoints: authentication, headers, methods, sizes, media types. */
class ProtocolTest extends ApiTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "'', missing_token",
    "'Basic dXNlcjpwYXNz', malformed_token",
    "'Bearer', malformed_token",
    "'Bearer garbage', invalid_token",
    "'Bearer expired', expired_token",
    "'Bearer revoked', revoked_token"
  })
  void refusedTokensAreUnauthorizedWithTheirReason(String authorization, String reason) {
    Map<String, String> headers =
        authorization.isEmpty() ? Map.of() : Map.of("Authorization", authorization);
    Answer a = client.send("GET", "/me", headers, null);
    assertThat(a.status()).isEqualTo(401);
    assertThat(a.header("WWW-Authenticate")).isEqualTo("Bearer");
    assertThat(a.error().get("code").asText()).isEqualTo("authentication_error");
    assertThat(a.error().get("details").get("reason").asText()).isEqualTo(reason);
  }

  @Test
  void operationalEndpointsNeedNoToken() {
    for (String path : new String[] {"/health", "/ready", "/version", "/openapi.json"}) {
      assertThat(client.get(path, null).status()).as(path).isEqualTo(200);
    }
  }

  @Test
  void requestIdsAreEchoedWhenSaneAndGeneratedOtherwise() {
    Answer echoed = client.send("GET", "/health", Map.of("X-Request-Id", "ios-abc.123_X"), null);
    assertThat(echoed.header("X-Request-Id")).isEqualTo("ios-abc.123_X");
    assertThat(echoed.data()).isNotNull();
    assertThat(echoed.json().get("meta").get("request_id").asText()).isEqualTo("ios-abc.123_X");
    Answer replaced =
        client.send("GET", "/health", Map.of("X-Request-Id", "bad id with spaces"), null);
    assertThat(replaced.header("X-Request-Id")).isNotEqualTo("bad id with spaces").hasSize(36);
    Answer error = client.send("GET", "/me", Map.of("X-Request-Id", "trace-1"), null);
    assertThat(error.header("X-Request-Id")).isEqualTo("trace-1");
  }

  @Test
  void everyResponseIsNoStoreAndNamesTheApiVersion() {
    for (Answer a :
        new Answer[] {
          client.get("/health", null), client.get("/me", null), client.get("/nowhere", null)
        }) {
      assertThat(a.header("Cache-Control")).isEqualTo("no-store");
      assertThat(a.header("Kairos-API-Version")).isEqualTo("1");
    }
  }

  @Test
  void onlyApiVersionOneIsServed() {
    assertThat(client.send("GET", "/health", Map.of("Kairos-API-Version", "1"), null).status())
        .isEqualTo(200);
    Answer a = client.send("GET", "/health", Map.of("Kairos-API-Version", "2"), null);
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.error().get("details").get("field").asText()).isEqualTo("Kairos-API-Version");
  }

  @Test
  void unknownRoutesAndWrongMethodsHaveTheirOwnErrors() {
    Answer unknown = client.get("/nowhere", ALICE);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.error().get("code").asText()).isEqualTo("not_found");
    assertThat(unknown.error().get("details").size()).isZero();
    Answer wrongMethod = client.send("DELETE", "/negotiations", Map.of(), null);
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.error().get("code").asText()).isEqualTo("method_not_allowed");
  }

  @Test
  void bodiesOverSixtyFourKibibytesAreTooLarge() {
    String big = "{\"pad\": \"" + "x".repeat(70_000) + "\"}";
    Answer a = client.post("/negotiate/start", ALICE, big);
    assertThat(a.status()).isEqualTo(413);
    assertThat(a.error().get("code").asText()).isEqualTo("payload_too_large");
    assertThat(a.error().get("details").get("max_bytes").asInt()).isEqualTo(65536);
  }

  @Test
  void bodiesMustBeJson() {
    Answer a =
        client.send(
            "POST",
            "/negotiate/start",
            Map.of("Authorization", "Bearer valid:alice-uid", "Content-Type", "text/plain"),
            "{}");
    assertThat(a.status()).isEqualTo(415);
    assertThat(a.error().get("code").asText()).isEqualTo("unsupported_media_type");
    Answer withCharset =
        client.send(
            "POST",
            "/negotiate/send",
            Map.of(
                "Authorization",
                "Bearer valid:alice-uid",
                "Content-Type",
                "application/json; charset=UTF-8"),
            "{\"negotiation_id\": \"" + UUID.randomUUID() + "\"}");
    assertThat(withCharset.status()).isEqualTo(404);
  }

  @Test
  void corsIsAnsweredForConfiguredOriginsOnly() {
    Answer preflight =
        client.send(
            "OPTIONS",
            "/negotiate/start",
            Map.of("Origin", ALLOWED_ORIGIN, "Access-Control-Request-Method", "POST"),
            null);
    assertThat(preflight.status()).isEqualTo(204);
    assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);
    assertThat(preflight.header("Access-Control-Allow-Headers")).contains("Authorization");
    Answer foreign =
        client.send(
            "OPTIONS",
            "/negotiate/start",
            Map.of("Origin", "https://evil.example", "Access-Control-Request-Method", "POST"),
            null);
    assertThat(foreign.status()).isEqualTo(403);
    assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();
    Answer simple = client.send("GET", "/health", Map.of("Origin", ALLOWED_ORIGIN), null);
    assertThat(simple.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);
    assertThat(simple.header("Access-Control-Expose-Headers")).contains("X-Request-Id");
  }

  @Test
  void unexpectedFailuresAreInternalErrorsCarryingOnlyTheRequestId() {
    // The stack trace goes to the log, captured here rather than printed on a passing build.
    Logger logger = (Logger) LoggerFactory.getLogger(HttpApi.class);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    logger.addAppender(logged);
    logger.setAdditive(false);
    Answer a;
    try {
      a =
          client.send(
              "GET",
              "/me",
              Map.of("Authorization", "Bearer explode", "X-Request-Id", "req-500"),
              null);
    } finally {
      logger.setAdditive(true);
      logger.detachAppender(logged);
    }
    assertThat(logged.list)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getLevel()).isEqualTo(Level.ERROR);
              assertThat(e.getThrowableProxy().getMessage()).isEqualTo("the verifier broke");
            });
    assertThat(a.status()).isEqualTo(500);
    assertThat(a.error().get("code").asText()).isEqualTo("internal_error");
    assertThat(a.error().get("details").get("request_id").asText()).isEqualTo("req-500");
    assertThat(a.text())
        .doesNotContain("IllegalStateException")
        .doesNotContain("verifier broke")
        .doesNotContain("at com.");
  }

  @Test
  void blobsNeverAppearInErrorBodies() {
    String marker = Fixtures.base64(Fixtures.SECRET_MARKER);
    String[] bodies = {
      "{\"id\": \"x\", \"encrypted_payload\": \"" + marker + "\"}",
      "{\"id\": \""
          + UUID.randomUUID()
          + "\", \"intent_category\": \"coffee\", \"participant_ids\": [\"bob-uid\"],"
          + " \"proposed_slots\": [{\"starts_at\": \"2020-01-01T00:00:00Z\"}], \"encrypted_payload\": \""
          + marker
          + "\"}",
      "{\"encrypted_payload\": \"" + marker + "!!\"}",
      "{\"encrypted_payload\": [\"" + marker + "\"]}",
      "{\"" + marker + "\": 1}",
    };
    for (String body : bodies) {
      Answer a = client.post("/negotiate/start", ALICE, body);
      assertThat(a.status()).isBetween(400, 422);
      assertThat(a.text()).doesNotContain(marker).doesNotContain(Fixtures.SECRET_MARKER);
    }
  }
}
