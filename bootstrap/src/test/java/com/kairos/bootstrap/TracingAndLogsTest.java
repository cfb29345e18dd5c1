package com.kairos.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kairos.bootstrap.FakeOtlpReceiver.ReceivedSpan;
import com.kairos.domain.testing.Fixtures;
import com.kairos.firebase.testing.TestTokens;
import com.kairos.http.testing.ApiClient;
import com.kairos.http.testing.ApiClient.Answer;
import com.kairos.postgres.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Tracing and logs as production wires them, exporting over OTLP/HTTP to a fake receiver: a request
 * that sent {@code traceparent} yields one tree (request → use case → SQL) under the caller's span,
 * and its log lines are Cloud Logging JSON carrying that trace.
 */
class TracingAndLogsTest {
  private static final String PROJECT = "kairos-trace-it";
  private static final TestTokens TOKENS = new TestTokens(PROJECT);
  private static final String MARKER = Fixtures.base64(Fixtures.SECRET_MARKER);
  private static final int SERVER = 2;
  private static final int CLIENT = 3;
  private static FakeOtlpReceiver otlp;
  private static LogCapture logs;
  private static KairosServer server;
  private static ApiClient client;

  @BeforeAll
  static void start() throws Exception {
    otlp = FakeOtlpReceiver.start();
    logs = new LogCapture();
    Map<String, String> env = TestServerEnv.staging(TestDatabase.createDatabase(), PROJECT);
    env.put("OTEL_EXPORTER_OTLP_ENDPOINT", otlp.endpoint());
    env.put("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
    env.put("OTEL_BSP_SCHEDULE_DELAY", "50");
    server = KairosServer.start(KairosConfig.from(env), Clock.systemUTC());
    client = new ApiClient("http://127.0.0.1:" + server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
    logs.close();
    otlp.close();
  }

  private static String hex(int bytes) {
    byte[] b = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(b);
    b[0] |= 1; // never all zeros
    return HexFormat.of().formatHex(b);
  }

  private static Map<String, String> headers(String token, String traceId, String parentId) {
    Map<String, String> headers = new HashMap<>();
    headers.put("Authorization", "Bearer " + token);
    headers.put("Content-Type", "application/json");
    headers.put("traceparent", "00-" + traceId + "-" + parentId + "-01");
    return headers;
  }

  @Test
  void aRequestIsOneTreeUnderTheCallersSpanFromHttpToSql() throws Exception {
    String traceId = hex(16);
    String parentId = hex(8);
    String token = TOKENS.sign("trace-alice", null);
    String body =
        """
        {"id": "%s", "intent_category": "lunch", "participant_ids": ["trace-bob"],
         "proposed_slots": [{"starts_at": "2099-06-01T12:00:00Z"}], "encrypted_payload": "%s"}
        """
            .formatted(UUID.randomUUID(), MARKER);
    Answer started =
        client.send("POST", "/negotiate/start", headers(token, traceId, parentId), body);
    assertThat(started.status()).as(started.text()).isEqualTo(201);

    List<ReceivedSpan> trace =
        otlp.awaitTrace(
            traceId,
            spans ->
                spans.stream().anyMatch(s -> s.kind() == SERVER)
                    && spans.stream().anyMatch(s -> s.name().equals("INSERT")));
    ReceivedSpan request = one(trace, "POST /negotiate/start");
    assertThat(request.kind()).isEqualTo(SERVER);
    assertThat(request.parentSpanId()).isEqualTo(parentId);
    assertThat(request.attributes())
        .containsEntry("http.route", "/negotiate/start")
        .containsEntry("http.response.status_code", "201");
    ReceivedSpan verify = one(trace, "firebase verify_id_token");
    assertThat(verify.parentSpanId()).isEqualTo(request.spanId());
    assertThat(verify.attributes()).containsEntry("peer.service", "firebase");
    ReceivedSpan useCase = one(trace, "StartNegotiation");
    assertThat(useCase.parentSpanId()).isEqualTo(request.spanId());
    List<ReceivedSpan> sql =
        trace.stream()
            .filter(s -> "postgresql".equals(s.attributes().get("db.system.name")))
            .toList();
    assertThat(sql).isNotEmpty().allMatch(s -> s.parentSpanId().equals(useCase.spanId()));
    assertThat(sql).allMatch(s -> s.kind() == CLIENT);
    assertThat(sql).anyMatch(s -> s.attributes().get("db.query.text").startsWith("INSERT"));
    // Statement text only: bound values (the blob among them) never become attributes.
    assertThat(otlp.all().toString())
        .doesNotContain(MARKER)
        .doesNotContain(token)
        .doesNotContain(token.substring(token.lastIndexOf('.') + 1));
  }

  @Test
  void eachPushSentIsASpanWithItsKindAndOutcomeButNoToken() throws Exception {
    String pushToken = "trace-dave-token:" + "d".repeat(100);
    Map<String, String> dave = headers(TOKENS.sign("trace-dave", null), hex(16), hex(8));
    Answer phone =
        client.send(
            "PUT",
            "/me/devices/" + UUID.randomUUID(),
            dave,
            "{\"push_token\": \"" + pushToken + "\", \"platform\": \"ios\"}");
    assertThat(phone.status()).as(phone.text()).isEqualTo(201);
    String body =
        """
        {"id": "%s", "intent_category": "lunch", "participant_ids": ["trace-dave"],
         "proposed_slots": [{"starts_at": "2099-06-01T12:00:00Z"}], "encrypted_payload": "%s"}
        """
            .formatted(UUID.randomUUID(), MARKER);
    Map<String, String> erin = headers(TOKENS.sign("trace-erin", null), hex(16), hex(8));
    assertThat(client.send("POST", "/negotiate/start", erin, body).status()).isEqualTo(201);

    ReceivedSpan push = otlp.await(s -> s.name().equals("push send"));
    assertThat(push.kind()).isEqualTo(CLIENT);
    assertThat(push.parentSpanId()).isEmpty();
    assertThat(push.attributes())
        .containsEntry("peer.service", "log")
        .containsEntry("kairos.push.kind", "invited")
        .containsEntry("kairos.outcome", "sent");
    assertThat(otlp.all().toString()).doesNotContain(pushToken).doesNotContain("ddddddddddd");
  }

  private static ReceivedSpan one(List<ReceivedSpan> trace, String name) {
    List<ReceivedSpan> named = trace.stream().filter(s -> s.name().equals(name)).toList();
    assertThat(named).as("spans named %s in %s", name, trace).hasSize(1);
    return named.get(0);
  }

  @Test
  void theRequestLineIsCloudLoggingJsonCarryingTheCallersTrace() throws Exception {
    String traceId = hex(16);
    Answer me =
        client.send("GET", "/me", headers(TOKENS.sign("trace-carol", null), traceId, hex(8)), null);
    assertThat(me.status()).as(me.text()).isEqualTo(200);

    JsonNode line = requestLine(traceId);
    assertThat(line.get("severity").asText()).isEqualTo("INFO");
    assertThat(line.get("message").asText()).isEqualTo("request completed");
    assertThat(Instant.parse(line.get("time").asText())).isBefore(Instant.now().plusSeconds(1));
    assertThat(line.get("time").asText()).endsWith("Z");
    assertThat(line.get("logging.googleapis.com/trace").asText())
        .isEqualTo("projects/" + LogCapture.PROJECT + "/traces/" + traceId);
    String spanId = line.get("logging.googleapis.com/spanId").asText();
    assertThat(spanId).matches("[0-9a-f]{16}");
    assertThat(line.get("logging.googleapis.com/trace_sampled").asBoolean()).isTrue();
    JsonNode http = line.get("httpRequest");
    assertThat(http.get("requestMethod").asText()).isEqualTo("GET");
    assertThat(http.get("requestUrl").asText()).isEqualTo("/me");
    assertThat(http.get("status").asInt()).isEqualTo(200);
    assertThat(http.get("latency").asText()).matches("[0-9]+\\.[0-9]{6}s");
    // The line's span is the request's server span, as exported.
    List<ReceivedSpan> trace =
        otlp.awaitTrace(traceId, spans -> spans.stream().anyMatch(s -> s.kind() == SERVER));
    assertThat(one(trace, "GET /me").spanId()).isEqualTo(spanId);
  }

  @Test
  void aCallersDecisionNotToSampleIsKeptWhileItsLinesStillCarryTheTrace() throws Exception {
    String unsampled = hex(16);
    Map<String, String> headers = headers(TOKENS.sign("trace-frank", null), unsampled, hex(8));
    headers.put("traceparent", headers.get("traceparent").replaceAll("-01$", "-00"));
    assertThat(client.send("GET", "/me", headers, null).status()).isEqualTo(200);
    // A sampled request after it: once its spans are in, the unsampled one's would be too.
    String sampled = hex(16);
    client.send("GET", "/me", headers(TOKENS.sign("trace-frank", null), sampled, hex(8)), null);
    otlp.awaitTrace(sampled, spans -> spans.stream().anyMatch(s -> s.kind() == SERVER));

    assertThat(otlp.all()).noneMatch(s -> s.traceId().equals(unsampled));
    JsonNode line = requestLine(unsampled);
    assertThat(line.get("logging.googleapis.com/trace").asText()).endsWith("/traces/" + unsampled);
    assertThat(line.get("logging.googleapis.com/trace_sampled").asBoolean()).isFalse();
  }

  @Test
  void anErrorCarriesItsStackTraceWhereErrorReportingLooks() throws Exception {
    LoggerFactory.getLogger("com.kairos.bootstrap.errors")
        .error("it failed", new IllegalStateException("no value here"));
    JsonNode line =
        logs.text()
            .lines()
            .filter(l -> l.contains("\"it failed\""))
            .map(LogLines::parse)
            .findFirst()
            .orElseThrow();
    assertThat(line.get("severity").asText()).isEqualTo("ERROR");
    assertThat(line.get("stack_trace").asText())
        .startsWith("java.lang.IllegalStateException: no value here")
        .contains("\tat com.kairos.bootstrap.TracingAndLogsTest");
    assertThat(line.has("logging.googleapis.com/trace")).isFalse();
  }

  private static JsonNode requestLine(String traceId) {
    return LogLines.requestLine(logs, traceId);
  }
}
