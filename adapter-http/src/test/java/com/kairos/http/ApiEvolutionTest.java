package com.kairos.http;

import static com.kairos.domain.testing.Fixtures.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kairos.http.testing.ApiClient.Answer;
import com.kairos.http.testing.ApiTest;
import com.kairos.http.testing.OpenApiContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An app generated from today's document keeps decoding what a later v1 server sends (new fields,
 * new enum values), every status the server can send is declared, and the document is portable
 * across generators (ASCII regexes, no pattern beside a date-time).
 */
class ApiEvolutionTest extends ApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonNode document() throws Exception {
    return JSON.readTree(api.openApiJson());
  }

  private Answer started() {
    String id = UUID.randomUUID().toString();
    Answer a =
        client.post("/negotiate/start", ALICE, NegotiationEndpointsTest.startBody(id, "bob"));
    assertThat(a.status()).as(a.text()).isEqualTo(201);
    return a;
  }

  @Test
  void aResponseWithNewFieldsAndNewEnumValuesStillMatchesTheDocument() throws Exception {
    JsonNode future = started().json().deepCopy();
    List<String> changed = new ArrayList<>();
    tomorrow(future, "$", changed);
    assertThat(changed)
        .as("the mutation reached every level and every enum of a negotiation")
        .contains("$.data.state", "$.data.intent_category", "$.data.participants[0].status")
        .contains("$.data.participants[0].added_later", "$.data.proposed_slots[0].added_later");

    OpenApiContract served = OpenApiContract.asServed(api.openApiJson());
    assertThat(served.errors("NegotiationResponse", future)).isEmpty();
    // The same answer against the document closed as the server answers today: refused, so the
    // mutation really is what an old app would meet.
    assertThat(new OpenApiContract(api.openApiJson()).errors("NegotiationResponse", future))
        .isNotEmpty();
  }

  /** Adds a field to every object and replaces every known enum value with a new one. */
  private static void tomorrow(JsonNode node, String at, List<String> changed) {
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode value = object.get(name);
        if (value.isTextual()
            && List.of("state", "intent_category", "agent_mode", "status", "role", "last_action")
                .contains(name)) {
          object.put(name, "added_later_value");
          changed.add(at + "." + name);
        } else {
          tomorrow(value, at + "." + name, changed);
        }
      }
      object.put("added_later", List.of(1, 2).size());
      changed.add(at + ".added_later");
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        tomorrow(node.get(i), at + "[" + i + "]", changed);
      }
    }
  }

  @Test
  void responsesAreOpenAndRequestsStayStrict() throws Exception {
    JsonNode schemas = document().get("components").get("schemas");
    for (String response : List.of("Negotiation", "Participant", "ErrorBody", "Event", "Device")) {
      assertThat(schemas.get(response).has("additionalProperties")).as(response).isFalse();
    }
    for (String request : List.of("StartNegotiationRequest", "ReplyNegotiationRequest")) {
      assertThat(schemas.get(request).get("additionalProperties").asBoolean()).isFalse();
    }
    JsonNode state = schemas.get("Negotiation").get("properties").get("state");
    assertThat(state.get("$ref").asText()).endsWith("/NegotiationStateValue");
    JsonNode open = schemas.get("NegotiationStateValue").get("anyOf");
    assertThat(open.get(0).get("$ref").asText()).endsWith("/NegotiationState");
    assertThat(open.get(1).toString()).isEqualTo("{\"type\":\"string\"}");
    JsonNode start = schemas.get("StartNegotiationRequest").get("properties");
    assertThat(start.get("intent_category").get("$ref").asText()).endsWith("/IntentCategory");
    JsonNode code = schemas.get("ErrorBody").get("properties").get("code");
    assertThat(code.get("anyOf").get(0).get("enum").toString()).contains("not_found");
    JsonNode outcome = schemas.get("Negotiation");
    assertThat(outcome.get("required").toString()).doesNotContain("\"outcome\"");
    assertThat(outcome.get("properties").get("outcome").get("type").toString()).contains("null");
  }

  @Test
  void everyOperationDeclaresEveryStatusTheServerCanSend() throws Exception {
    JsonNode doc = document();
    List<String> tags = new ArrayList<>();
    doc.get("tags").forEach(t -> tags.add(t.get("name").asText()));
    doc.get("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fields()
                    .forEachRemaining(
                        method -> {
                          String where = method.getKey() + " " + path.getKey();
                          JsonNode responses = method.getValue().get("responses");
                          for (String s : List.of("400", "405", "413", "414", "431", "default")) {
                            assertThat(responses.has(s)).as(where + " " + s).isTrue();
                          }
                          assertThat(responses.get("405").get("headers").has("Allow")).isTrue();
                          responses.forEach(
                              r ->
                                  assertThat(
                                          r.get("headers").has("Kairos-API-Version")
                                              && r.get("headers").has("Cache-Control"))
                                      .as(where)
                                      .isTrue());
                          assertThat(tags).contains(method.getValue().get("tags").get(0).asText());
                        }));
    JsonNode version = doc.get("components").get("parameters").get("ApiVersion").get("schema");
    assertThat(version.get("enum").toString()).isEqualTo("[\"1\"]");
    JsonNode device = doc.get("paths").get("/me/devices/{installation_id}").get("put");
    assertThat(device.get("parameters").toString()).contains("/UuidV4");
  }

  @Test
  void aWrongMethodNamesTheAllowedOnesAndHeadIsNotAnUnauthenticatedGet() {
    Answer delete = client.send("DELETE", "/negotiations", Map.of(), null);
    assertThat(delete.status()).isEqualTo(405);
    assertThat(delete.header("Allow")).isEqualTo("GET");
    assertThat(delete.error().get("code").asText()).isEqualTo("method_not_allowed");
    Answer put = client.send("PUT", "/negotiations/" + UUID.randomUUID(), Map.of(), null);
    assertThat(put.header("Allow")).isEqualTo("GET");
    Answer device = client.send("POST", "/me/devices/" + UUID.randomUUID(), Map.of(), null);
    assertThat(device.header("Allow")).isEqualTo("DELETE, PUT");

    Answer head = client.send("HEAD", "/negotiations", Map.of(), null);
    assertThat(head.status()).isEqualTo(405);
    assertThat(head.header("Allow")).isEqualTo("GET");
    assertThat(head.header("Content-Type")).startsWith("application/json");
    Answer headHealth = client.send("HEAD", "/health", Map.of(), null);
    assertThat(headHealth.status()).isEqualTo(405);
  }

  @Test
  void everyOffsetRfc3339AllowsIsAccepted() {
    String id = UUID.randomUUID().toString();
    String body =
        NegotiationEndpointsTest.startBody(id, "bob").replace("19:00:00+01:00", "19:00:00+20:00");
    Answer a = client.post("/negotiate/start", ALICE, body);
    assertThat(a.status()).as(a.text()).isEqualTo(201);
    assertThat(a.data().get("proposed_slots").get(0).get("starts_at").asText())
        .isEqualTo("2026-11-24T23:00:00.000Z");
    Answer west = client.get("/negotiations?updated_after=2026-01-01T00:00:00-23:59", ALICE);
    assertThat(west.status()).as(west.text()).isEqualTo(200);
    Answer beyond = client.get("/negotiations?updated_after=2026-01-01T00:00:00%2B24:00", ALICE);
    assertThat(beyond.status()).isEqualTo(400);
    assertThat(beyond.error().get("details").get("field").asText()).isEqualTo("updated_after");
  }

  @Test
  void patternsArePortableAndDatesHaveNoPattern() throws Exception {
    String text = api.openApiJson();
    assertThat(text).doesNotContain("\\\\p{").doesNotContain("\\\\P{");
    assertThat(text.chars().allMatch(c -> c < 128)).as("ASCII only").isTrue();
    JsonNode timestamp = document().get("components").get("schemas").get("Timestamp");
    assertThat(timestamp.get("format").asText()).isEqualTo("date-time");
    assertThat(timestamp.has("pattern")).isFalse();
    // The portable pattern refuses what the old one did: C0 and C1 controls, spaces.
    for (String bad : List.of("bo\u0001b", "bo\u0085b", "bo b")) {
      String body = NegotiationEndpointsTest.startBody(UUID.randomUUID().toString(), bad);
      Answer a = client.post("/negotiate/start", ALICE, body);
      assertThat(a.status()).as(bad).isEqualTo(400);
    }
  }
}
