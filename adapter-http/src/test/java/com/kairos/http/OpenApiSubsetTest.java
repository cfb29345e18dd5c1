package com.kairos.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kairos.http.testing.ApiClient.Answer;
import com.kairos.http.testing.ApiTest;
import com.kairos.http.testing.OpenApiContract;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The served document stays inside the subset mainstream client generators handle
 * (swift-openapi-generator drops {@code not} and null branches of {@code oneOf}/{@code anyOf}, and
 * names inline bodies after the first operation), and the response contract the other tests rely on
 * really refuses what the document does not describe.
 */
class OpenApiSubsetTest extends ApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonNode document() throws Exception {
    return JSON.readTree(api.openApiJson());
  }

  @Test
  void noConstructOutsideTheSupportedSubset() throws Exception {
    List<String> problems = new ArrayList<>();
    walk(document(), "#", problems);
    assertThat(problems).isEmpty();
  }

  private static void walk(JsonNode node, String at, List<String> problems) {
    if (node.isObject()) {
      if (node.has("not")) {
        problems.add(at + ": not");
      }
      for (String keyword : List.of("oneOf", "anyOf")) {
        for (JsonNode branch : node.path(keyword)) {
          if ("null".equals(branch.path("type").asText())) {
            problems.add(at + ": " + keyword + " with a null branch");
          }
        }
      }
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        walk(field.getValue(), at + "/" + field.getKey(), problems);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), at + "/" + i, problems);
      }
    }
  }

  @Test
  void everyOperationIsNamedTaggedDescribedAndComplete() throws Exception {
    JsonNode paths = document().get("paths");
    List<String> ids = new ArrayList<>();
    paths
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fields()
                    .forEachRemaining(
                        method -> {
                          String where = method.getKey() + " " + path.getKey();
                          JsonNode op = method.getValue();
                          assertThat(op.path("operationId").asText())
                              .as(where)
                              .matches("[a-z][A-Za-z]+");
                          ids.add(op.get("operationId").asText());
                          assertThat(op.path("tags")).as(where + " tags").isNotEmpty();
                          assertThat(op.path("description").asText()).as(where).isNotBlank();
                          assertThat(op.get("security")).as(where + " security").isNotNull();
                          JsonNode responses = op.get("responses");
                          assertThat(responses.has("400")).as(where + " 400").isTrue();
                          assertThat(responses.has("500")).as(where + " 500").isTrue();
                          if (!op.get("security").isEmpty()) {
                            for (String status : List.of("401", "429", "503")) {
                              assertThat(responses.has(status)).as(where + " " + status).isTrue();
                            }
                          }
                          responses
                              .fields()
                              .forEachRemaining(
                                  r -> {
                                    assertThat(r.getValue().path("headers").has("X-Request-Id"))
                                        .as(where + " " + r.getKey() + " X-Request-Id")
                                        .isTrue();
                                    r.getValue()
                                        .path("content")
                                        .forEach(
                                            media ->
                                                assertThat(
                                                        media.path("schema").path("$ref").asText())
                                                    .as(where + " " + r.getKey() + " named schema")
                                                    .startsWith("#/components/schemas/"));
                                  });
                        }));
    assertThat(ids).doesNotHaveDuplicates();
    assertThat(ids)
        .contains("startNegotiation", "replyToNegotiation", "getNegotiation", "listNegotiations");
  }

  @Test
  void theStartReplayAndTheNotModifiedAnswerAreDescribedAsSent() throws Exception {
    JsonNode paths = document().get("paths");
    JsonNode replay = paths.get("/negotiate/start").get("post").get("responses").get("200");
    assertThat(replay.get("content").get("application/json").get("schema").get("$ref").asText())
        .isEqualTo("#/components/schemas/NegotiationResponse");
    assertThat(replay.get("headers").has("Idempotent-Replayed")).isTrue();
    JsonNode get = paths.get("/negotiations/{id}").get("get");
    assertThat(get.get("responses").get("304").get("headers").has("ETag")).isTrue();
    assertThat(get.get("parameters").toString()).contains("IfNoneMatch");
    JsonNode schemas = document().get("components").get("schemas");
    JsonNode cancelReason = schemas.get("Negotiation").get("properties").get("cancel_reason");
    assertThat(cancelReason.get("type")).hasSize(2);
    assertThat(cancelReason.has("enum"))
        .as("swift-openapi-generator refuses null in an enum")
        .isFalse();
    assertThat(cancelReason.has("pattern"))
        .as("an open value: a later server may add reasons")
        .isFalse();
    assertThat(cancelReason.get("description").asText()).contains("owner_cancelled");
    assertThat(schemas.get("ErrorDetails").get("properties").has("retry_after_seconds")).isTrue();
  }

  @Test
  void theContractRefusesWhatTheDocumentDoesNotDescribe() throws Exception {
    OpenApiContract contract = new OpenApiContract(api.openApiJson());
    Map<String, String> headers = Map.of("content-type", "application/json", "x-request-id", "r-1");
    JsonNode health =
        JSON.readTree(
            "{\"data\": {\"status\": \"ok\", \"uptime_seconds\": 1,"
                + " \"timestamp\": \"2026-11-25T10:00:00.000Z\"},"
                + " \"meta\": {\"request_id\": \"r-1\", \"timestamp\": \"2026-11-25T10:00:00.000Z\"}}");
    contract.check("GET", "/health", new Answer(200, headers, health.toString(), health));
    assertThatThrownBy(
            () ->
                contract.check(
                    "GET", "/health", new Answer(418, headers, "{}", JSON.readTree("{}"))))
        .hasMessageContaining("not documented");
    JsonNode extra = health.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) extra.get("data")).put("surprise", true);
    assertThatThrownBy(
            () ->
                contract.check("GET", "/health", new Answer(200, headers, extra.toString(), extra)))
        .hasMessageContaining("does not match");
    JsonNode seconds =
        JSON.readTree(health.toString().replace("10:00:00.000Z\"}}", "10:00:00Z\"}}"));
    assertThatThrownBy(
            () ->
                contract.check(
                    "GET", "/health", new Answer(200, headers, seconds.toString(), seconds)))
        .hasMessageContaining("timestamps");
  }
}
