package com.kairos.http;

import static com.kairos.domain.testing.Fixtures.ALICE;
import static com.kairos.domain.testing.Fixtures.BOB;
import static com.kairos.domain.testing.Fixtures.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kairos.application.port.RateLimiter;
import com.kairos.domain.common.UserId;
import com.kairos.domain.common.Uuids;
import com.kairos.domain.negotiation.Activity;
import com.kairos.domain.testing.Fixtures;
import com.kairos.http.testing.ApiClient;
import com.kairos.http.testing.ApiClient.Answer;
import com.kairos.http.testing.ApiTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /me/export}: the bare document, item by item what the rest of the API returns, blobs
 * byte for byte, nothing of anyone else, and one export a minute.
 */
class ExportEndpointTest extends ApiTest {
  private static final String PROPOSAL = Fixtures.base64("alice's proposal \u00e9\u2603");
  private static final String MY_ANSWER = Fixtures.base64("alice's own answer");
  private static final String COUNTER = Fixtures.base64("alice's counter");
  private static final String MY_NOTE = Fixtures.base64("alice's calendar note");
  private static final String BOBS_PROPOSAL = Fixtures.base64("bob's proposal to alice");
  private static final String BOBS_SECRET = Fixtures.base64("BOB-ONLY-SECRET");

  @Override
  protected RateLimiter limiter() {
    return new InMemoryRateLimiter(backend.clock);
  }

  private String start(UserId owner, String blob, boolean draft, String... invitees) {
    String id = UUID.randomUUID().toString();
    Answer a =
        client.post(
            "/negotiate/start",
            owner,
            """
            {"id": "%s", "intent_category": "dinner", "participant_ids": [%s],
             "proposed_slots": [{"starts_at": "2026-11-25T19:00:00+01:00", "timezone": "Europe/Paris"}],
             "proposed_venues": [{"name": "Chez Nous", "latitude": 48.85, "longitude": 2.35}],
             "state": "%s", "encrypted_payload": "%s"}
            """
                .formatted(
                    id,
                    NegotiationEndpointsTest.quoted(invitees),
                    draft ? "draft" : "active",
                    blob));
    assertThat(a.status()).as(a.text()).isEqualTo(201);
    return id;
  }

  private String event(UserId owner, String blob) {
    String id = UUID.randomUUID().toString();
    Answer a =
        client.post(
            "/events",
            owner,
            """
            {"id": "%s", "starts_at": "2026-12-01T18:00:00Z", "encrypted_payload": "%s"}
            """
                .formatted(id, blob));
    assertThat(a.status()).as(a.text()).isEqualTo(201);
    return id;
  }

  private Answer export(UserId as) {
    return client.get("/me/export", as);
  }

  private static List<String> ids(JsonNode array, String field) {
    List<String> ids = new ArrayList<>();
    array.forEach(item -> ids.add(item.get(field).asText()));
    return ids;
  }

  private static List<String> sortedUnsigned(List<String> ids) {
    return ids.stream()
        .sorted((a, b) -> Uuids.compareUnsigned(UUID.fromString(a), UUID.fromString(b)))
        .toList();
  }

  @Test
  void theDocumentIsWhatTheApiReturnsItemByItemAndNothingOfAnyoneElse() {
    client.get("/me", ALICE);
    Map<String, String> headers = new HashMap<>(ApiClient.auth(ALICE));
    headers.put("Content-Type", "application/json");
    String installation = UUID.randomUUID().toString();
    client.send(
        "PUT",
        "/me/devices/" + installation,
        headers,
        "{\"push_token\": \"fcm-token-of-alice-XYZ123\", \"platform\": \"ios\"}");

    String mine = start(ALICE, PROPOSAL, false, "bob-uid");
    String myDraft = start(ALICE, PROPOSAL, true, "bob-uid");
    String finalized = start(ALICE, PROPOSAL, false, "bob-uid");
    client.post(
        "/negotiate/reply",
        BOB,
        "{\"negotiation_id\": \"%s\", \"action\": \"accept\"}".formatted(finalized));
    String bobsAnswered = start(BOB, BOBS_PROPOSAL, false, "alice-uid", "carol-uid");
    Answer answered =
        client.post(
            "/negotiate/reply",
            ALICE,
            "{\"negotiation_id\": \"%s\", \"action\": \"accept\", \"agent_mode\": \"assisted\","
                    .formatted(bobsAnswered)
                + " \"encrypted_payload\": \"%s\"}".formatted(MY_ANSWER));
    assertThat(answered.status()).as(answered.text()).isEqualTo(200);
    String bobsCountered = start(BOB, BOBS_PROPOSAL, false, "alice-uid");
    Answer countered =
        client.post(
            "/negotiate/reply",
            ALICE,
            """
            {"negotiation_id": "%s", "action": "counter",
             "counter_slots": [{"starts_at": "2026-11-26T18:00:00Z"}], "counter_payload": "%s"}
            """
                .formatted(bobsCountered, COUNTER));
    assertThat(countered.status()).as(countered.text()).isEqualTo(200);
    String bobsDraft = start(BOB, BOBS_SECRET, true, "alice-uid");
    String notMine = start(BOB, BOBS_SECRET, false, "carol-uid");
    String note = event(ALICE, MY_NOTE);
    String bobsEvent = event(BOB, BOBS_SECRET);

    Answer export = export(ALICE);

    assertThat(export.status()).as(export.text()).isEqualTo(200);
    assertThat(export.header("Content-Type")).startsWith("application/json");
    assertThat(export.header("Content-Disposition"))
        .isEqualTo("attachment; filename=\"kairos-export-2026-11-23.json\"");
    assertThat(export.header("Cache-Control")).isEqualTo("no-store");
    JsonNode doc = export.json();
    assertThat(doc.has("data")).as("not an envelope").isFalse();
    assertThat(doc.get("exported_at").asText()).isEqualTo("2026-11-23T10:00:00.000Z");
    assertThat(doc.get("user")).isEqualTo(client.get("/me", ALICE).data());
    assertThat(doc.get("devices")).isEqualTo(client.get("/me/devices", ALICE).data());
    assertThat(doc.get("devices")).hasSize(1);

    List<String> negotiations = ids(doc.get("negotiations"), "id");
    assertThat(negotiations)
        .containsExactlyElementsOf(
            sortedUnsigned(List.of(mine, myDraft, finalized, bobsAnswered, bobsCountered)))
        .doesNotContain(bobsDraft, notMine);
    for (JsonNode n : doc.get("negotiations")) {
      assertThat(n).isEqualTo(client.get("/negotiations/" + n.get("id").asText(), ALICE).data());
    }
    JsonNode first = doc.get("negotiations").get(negotiations.indexOf(mine));
    assertThat(first.get("encrypted_payload").asText()).isEqualTo(PROPOSAL);
    JsonNode answeredNow = doc.get("negotiations").get(negotiations.indexOf(bobsAnswered));
    assertThat(answeredNow.get("participants").get(1).get("encrypted_payload").asText())
        .isEqualTo(MY_ANSWER);
    assertThat(answeredNow.get("encrypted_payload").asText()).isEqualTo(BOBS_PROPOSAL);
    JsonNode counteredNow = doc.get("negotiations").get(negotiations.indexOf(bobsCountered));
    assertThat(counteredNow.get("counter_payload").asText()).isEqualTo(COUNTER);

    List<String> events = ids(doc.get("events"), "id");
    assertThat(events).contains(note).doesNotContain(bobsEvent);
    assertThat(events).containsExactlyElementsOf(sortedUnsigned(events));
    assertThat(events).hasSize(2); // the manual one and the finalized negotiation's
    for (JsonNode e : doc.get("events")) {
      assertThat(e).isEqualTo(client.get("/events/" + e.get("id").asText(), ALICE).data());
      assertThat(e.get("owner_id").asText()).isEqualTo("alice-uid");
    }
    assertThat(doc.get("events").get(events.indexOf(note)).get("encrypted_payload").asText())
        .isEqualTo(MY_NOTE);

    List<Activity> authored =
        backend.transactions.inTransaction(
            () -> backend.negotiations.authoredBy(ALICE, null, 1000));
    JsonNode activity = doc.get("activity");
    assertThat(activity).hasSize(authored.size()).hasSize(5); // 3 starts, an accept, a counter
    for (int i = 0; i < authored.size(); i++) {
      Activity line = authored.get(i);
      JsonNode entry = activity.get(i);
      assertThat(entry.get("negotiation_id").asText()).isEqualTo(line.negotiationId().toString());
      assertThat(entry.get("version").asLong()).isEqualTo(line.version());
      assertThat(entry.get("actor_id").asText()).isEqualTo("alice-uid");
      assertThat(entry.size()).isEqualTo(10);
    }
    JsonNode accept = activity.get(ids(activity, "negotiation_id").indexOf(bobsAnswered));
    assertThat(accept.get("action").asText()).isEqualTo("accept");
    assertThat(accept.get("from_state").asText()).isEqualTo("active");
    assertThat(accept.get("agent_mode").asText()).isEqualTo("assisted");
    JsonNode counter = activity.get(ids(activity, "negotiation_id").indexOf(bobsCountered));
    assertThat(counter.get("action").asText()).isEqualTo("counter");
    assertThat(counter.get("added_slot_ids")).hasSize(1);
    assertThat(counter.get("added_slot_ids").get(0).asText())
        .isIn(ids(counteredNow.get("proposed_slots"), "id"));
    JsonNode started = activity.get(ids(activity, "negotiation_id").indexOf(mine));
    assertThat(started.get("action").asText()).isEqualTo("start");
    assertThat(started.get("from_state").isNull()).isTrue();
    assertThat(started.get("added_slot_ids")).hasSize(1);
    assertThat(started.get("added_venue_ids")).hasSize(1);

    assertThat(export.text())
        .doesNotContain(BOBS_SECRET)
        .doesNotContain("fcm-token-of-alice")
        .doesNotContain(bobsDraft)
        .doesNotContain(notMine)
        .doesNotContain(bobsEvent);
  }

  @Test
  void oneExportPerUserPerMinute() {
    assertThat(export(ALICE).status()).isEqualTo(200);

    Answer again = export(ALICE);
    assertThat(again.status()).isEqualTo(429);
    assertThat(again.header("Retry-After")).isEqualTo("60");
    assertThat(again.header("Content-Disposition")).isNull();
    assertThat(again.error().get("code").asText()).isEqualTo("rate_limit_exceeded");
    assertThat(again.error().get("details").get("retry_after_seconds").asLong()).isEqualTo(60);
    // The export's bucket is its own: other reads go on, and other users export.
    assertThat(client.get("/me", ALICE).status()).isEqualTo(200);
    assertThat(export(BOB).status()).isEqualTo(200);

    backend.clock.advance(Duration.ofSeconds(59));
    assertThat(export(ALICE).status()).isEqualTo(429);
    backend.clock.advance(Duration.ofSeconds(1));
    Answer later = export(ALICE);
    assertThat(later.status()).isEqualTo(200);
    assertThat(later.json().get("exported_at").asText()).isEqualTo("2026-11-23T10:01:00.000Z");
  }

  @Test
  void aNewUserGetsTheirProfileAndEmptyListsAndNoTokenGetsTheEnvelope() {
    Answer fresh = export(CAROL);
    assertThat(fresh.status()).isEqualTo(200);
    assertThat(fresh.json().get("user").get("firebase_uid").asText()).isEqualTo("carol-uid");
    for (String list : List.of("devices", "negotiations", "events", "activity")) {
      assertThat(fresh.json().get(list)).as(list).isEmpty();
    }

    Answer anonymous = client.get("/me/export", null);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.header("Content-Disposition")).isNull();
    assertThat(anonymous.error().get("code").asText()).isEqualTo("authentication_error");
  }

  @Test
  void theOperationIsDescribedAsADownload() throws Exception {
    JsonNode doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(api.openApiJson());
    JsonNode op = doc.get("paths").get("/me/export").get("get");
    assertThat(op.get("operationId").asText()).isEqualTo("exportMyData");
    assertThat(op.get("tags").get(0).asText()).isEqualTo("profile");
    JsonNode ok = op.get("responses").get("200");
    assertThat(ok.get("headers").has("Content-Disposition")).isTrue();
    assertThat(ok.get("content").get("application/json").get("schema").get("$ref").asText())
        .isEqualTo("#/components/schemas/AccountExport");
    assertThat(op.get("responses").fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder(
            "200", "400", "401", "405", "413", "414", "429", "431", "500", "503", "default");
    JsonNode schemas = doc.get("components").get("schemas");
    assertThat(schemas.get("AccountExport").get("required")).hasSize(6);
    assertThat(schemas.has("ExportedActivity")).isTrue();
  }
}
