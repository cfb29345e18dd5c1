package com.kairos.http;

import static com.kairos.domain.testing.Fixtures.ALICE;
import static com.kairos.domain.testing.Fixtures.BOB;
import static com.kairos.domain.testing.Fixtures.MALLORY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kairos.domain.common.UserId;
import com.kairos.domain.negotiation.CancelReason;
import com.kairos.domain.negotiation.NegotiationAction;
import com.kairos.domain.testing.Fixtures;
import com.kairos.http.json.WireNames;
import com.kairos.http.testing.ApiClient.Answer;
import com.kairos.http.testing.ApiTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /negotiations/{id}/activity}: a negotiation's history, as accounts.md describes it.
 */
class NegotiationActivityEndpointsTest extends ApiTest {
  private static final String COUNTER_PAYLOAD = Fixtures.base64("counter proposal");
  private static final String BOB_NOTE = Fixtures.base64("bob's own note");

  /** A negotiation Alice started with Bob, Bob countered and Alice accepted (versions 1-3). */
  private record History(
      String id,
      String slot,
      String venue,
      String counterSlot,
      String counterVenue,
      List<String> blobs) {}

  private History startedCounteredAccepted() {
    String id = UUID.randomUUID().toString();
    Answer start =
        client.post("/negotiate/start", ALICE, NegotiationEndpointsTest.startBody(id, "bob-uid"));
    assertThat(start.status()).as(start.text()).isEqualTo(201);
    String slot = start.data().get("proposed_slots").get(0).get("id").asText();
    String venue = start.data().get("proposed_venues").get(0).get("id").asText();

    backend.clock.advance(Duration.ofMinutes(1));
    Answer counter =
        client.post(
            "/negotiate/reply",
            BOB,
            """
            {"negotiation_id": "%s", "action": "counter", "expected_version": 1,
             "counter_slots": [{"starts_at": "2026-11-26T18:00:00Z"}],
             "counter_venues": [{"name": "Le Bistrot"}],
             "counter_payload": "%s", "encrypted_payload": "%s", "agent_mode": "assisted"}
            """
                .formatted(id, COUNTER_PAYLOAD, BOB_NOTE));
    assertThat(counter.status()).as(counter.text()).isEqualTo(200);
    String counterSlot = counter.data().get("proposed_slots").get(1).get("id").asText();
    String counterVenue = counter.data().get("proposed_venues").get(1).get("id").asText();

    backend.clock.advance(Duration.ofMinutes(1));
    Answer accept =
        client.post(
            "/negotiate/reply",
            ALICE,
            """
            {"negotiation_id": "%s", "action": "accept", "expected_version": 2,
             "accepted_slot_ids": ["%s"], "accepted_venue_ids": ["%s"]}
            """
                .formatted(id, counterSlot, counterVenue));
    assertThat(accept.status()).as(accept.text()).isEqualTo(200);
    assertThat(accept.data().get("state").asText()).isEqualTo("finalized");
    return new History(
        id,
        slot,
        venue,
        counterSlot,
        counterVenue,
        List.of(NegotiationEndpointsTest.PAYLOAD, COUNTER_PAYLOAD, BOB_NOTE));
  }

  private Answer activity(String id, String query, UserId as) {
    return client.get("/negotiations/" + id + "/activity" + query, as);
  }

  @Test
  void theHistoryListsEveryEntryOldestFirstWithoutABlob() {
    History h = startedCounteredAccepted();

    for (UserId reader : List.of(ALICE, BOB)) {
      Answer a = activity(h.id(), "", reader);
      assertThat(a.status()).as(a.text()).isEqualTo(200);
      JsonNode entries = a.data();
      assertThat(entries).hasSize(3);

      JsonNode start = entries.get(0);
      assertThat(fieldNames(start))
          .containsExactly(
              "version",
              "at",
              "actor_id",
              "action",
              "from_state",
              "to_state",
              "agent_mode",
              "added_slot_ids",
              "added_venue_ids");
      assertThat(start.get("version").asLong()).isEqualTo(1);
      assertThat(start.get("at").asText()).isEqualTo("2026-11-23T10:00:00.000Z");
      assertThat(start.get("actor_id").asText()).isEqualTo("alice-uid");
      assertThat(start.get("action").asText()).isEqualTo("start");
      assertThat(start.get("from_state").isNull()).isTrue();
      assertThat(start.get("to_state").asText()).isEqualTo("active");
      assertThat(start.get("agent_mode").asText()).isEqualTo("manual"); // the start carries it
      assertThat(texts(start.get("added_slot_ids"))).containsExactly(h.slot());
      assertThat(texts(start.get("added_venue_ids"))).containsExactly(h.venue());

      JsonNode counter = entries.get(1);
      assertThat(counter.get("version").asLong()).isEqualTo(2);
      assertThat(counter.get("at").asText()).isEqualTo("2026-11-23T10:01:00.000Z");
      assertThat(counter.get("actor_id").asText()).isEqualTo("bob-uid");
      assertThat(counter.get("action").asText()).isEqualTo("counter");
      assertThat(counter.get("from_state").asText()).isEqualTo("active");
      assertThat(counter.get("to_state").asText()).isEqualTo("active");
      assertThat(counter.get("agent_mode").asText()).isEqualTo("assisted");
      assertThat(texts(counter.get("added_slot_ids"))).containsExactly(h.counterSlot());
      assertThat(texts(counter.get("added_venue_ids"))).containsExactly(h.counterVenue());

      JsonNode accept = entries.get(2);
      assertThat(accept.get("version").asLong()).isEqualTo(3);
      assertThat(accept.get("at").asText()).isEqualTo("2026-11-23T10:02:00.000Z");
      assertThat(accept.get("actor_id").asText()).isEqualTo("alice-uid");
      assertThat(accept.get("action").asText()).isEqualTo("accept");
      assertThat(accept.get("from_state").asText()).isEqualTo("active");
      assertThat(accept.get("to_state").asText()).isEqualTo("finalized");
      assertThat(accept.get("agent_mode").isNull()).isTrue();
      assertThat(accept.get("added_slot_ids")).isEmpty();
      assertThat(accept.get("added_venue_ids")).isEmpty();

      JsonNode pagination = a.json().get("meta").get("pagination");
      assertThat(pagination.get("limit").asInt()).isEqualTo(50);
      assertThat(pagination.get("next_cursor").isNull()).isTrue();
      assertThat(pagination.get("has_more").asBoolean()).isFalse();
      assertThat(a.json().get("meta").get("request_id").asText())
          .isEqualTo(a.header("X-Request-Id"));
      assertThat(a.json().get("meta").get("timestamp").asText())
          .isEqualTo("2026-11-23T10:02:00.000Z");
      for (String blob : h.blobs()) {
        assertThat(a.text()).doesNotContain(blob);
      }
      assertThat(a.text()).doesNotContain("payload");
    }
  }

  @Test
  void anExpiryIsASystemEntryWithoutActorOrAgentMode() {
    String id = UUID.randomUUID().toString();
    client.post("/negotiate/start", ALICE, NegotiationEndpointsTest.startBody(id, "bob-uid"));
    backend.clock.advance(Duration.ofDays(8));

    JsonNode entries = activity(id, "?after_version=1", BOB).data();
    assertThat(entries).hasSize(1);
    JsonNode expiry = entries.get(0);
    assertThat(expiry.get("version").asLong()).isEqualTo(2);
    assertThat(expiry.get("at").asText()).isEqualTo("2026-11-30T10:00:00.000Z");
    assertThat(expiry.get("actor_id").isNull()).isTrue();
    assertThat(expiry.get("action").asText()).isEqualTo("expire");
    assertThat(expiry.get("from_state").asText()).isEqualTo("active");
    assertThat(expiry.get("to_state").asText()).isEqualTo("cancelled");
    assertThat(expiry.get("agent_mode").isNull()).isTrue();
    assertThat(expiry.get("added_slot_ids")).isEmpty();
  }

  @Test
  void afterVersionListsOnlyLaterEntries() {
    History h = startedCounteredAccepted();

    assertThat(versions(activity(h.id(), "?after_version=0", BOB))).containsExactly(1L, 2L, 3L);
    assertThat(versions(activity(h.id(), "?after_version=1", BOB))).containsExactly(2L, 3L);
    assertThat(versions(activity(h.id(), "?after_version=2", BOB))).containsExactly(3L);
    Answer caughtUp = activity(h.id(), "?after_version=3", BOB);
    assertThat(caughtUp.status()).isEqualTo(200);
    assertThat(caughtUp.data()).isEmpty();
    assertThat(caughtUp.json().get("meta").get("pagination").get("has_more").asBoolean()).isFalse();
    assertThat(activity(h.id(), "?after_version=99", BOB).data()).isEmpty();
  }

  @Test
  void pagingWalksEveryEntryOnceWithAWorkingCursor() {
    History h = startedCounteredAccepted();

    assertThat(walk(h.id(), "limit=1")).containsExactly(1L, 2L, 3L);
    assertThat(walk(h.id(), "limit=2")).containsExactly(1L, 2L, 3L);
    assertThat(walk(h.id(), "after_version=1&limit=1")).containsExactly(2L, 3L);
  }

  /** Every version the pages of {@code query} list, checking each page's pagination. */
  private List<Long> walk(String id, String query) {
    int limit = Integer.parseInt(query.replaceAll(".*limit=(\\d+).*", "$1"));
    List<Long> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Answer page = activity(id, "?" + query + (cursor == null ? "" : "&cursor=" + cursor), BOB);
      assertThat(page.status()).as(page.text()).isEqualTo(200);
      JsonNode pagination = page.json().get("meta").get("pagination");
      assertThat(pagination.get("limit").asInt()).isEqualTo(limit);
      assertThat(page.data().size()).isBetween(1, limit);
      seen.addAll(versions(page));
      cursor =
          pagination.get("next_cursor").isNull() ? null : pagination.get("next_cursor").asText();
      assertThat(pagination.get("has_more").asBoolean()).isEqualTo(cursor != null);
      assertThat(++pages).as("pages of " + query).isLessThanOrEqualTo(10);
    } while (cursor != null);
    assertThat(seen).doesNotHaveDuplicates();
    return seen;
  }

  @Test
  void onlyThoseWhoMayReadTheNegotiationMayReadItsHistory() {
    History h = startedCounteredAccepted();

    Answer stranger = activity(h.id(), "", MALLORY);
    assertThat(stranger.status()).isEqualTo(403);
    assertThat(stranger.error().get("code").asText()).isEqualTo("authorization_error");
    assertThat(stranger.error().get("details").get("resource_type").asText())
        .isEqualTo("negotiation");
    assertThat(stranger.error().get("details").get("resource_id").asText()).isEqualTo(h.id());

    String unknownId = UUID.randomUUID().toString();
    Answer unknown = activity(unknownId, "", BOB);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.error().get("code").asText()).isEqualTo("not_found");
    assertThat(unknown.error().get("details").get("resource_id").asText()).isEqualTo(unknownId);

    String draft = UUID.randomUUID().toString();
    client.post(
        "/negotiate/start",
        ALICE,
        NegotiationEndpointsTest.startBody(draft, "bob-uid")
            .replace("\"intent_category\"", "\"state\": \"draft\", \"intent_category\""));
    Answer hidden = activity(draft, "", BOB);
    assertThat(hidden.status()).isEqualTo(404);
    assertThat(hidden.error().get("code").asText()).isEqualTo("not_found");
    assertThat(activity(draft, "", MALLORY).status()).isEqualTo(404);
    Answer own = activity(draft, "", ALICE);
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.data().get(0).get("to_state").asText()).isEqualTo("draft");
    assertThat(own.text()).doesNotContain(NegotiationEndpointsTest.PAYLOAD);

    Answer anonymous = activity(h.id(), "", null);
    assertThat(anonymous.status()).isEqualTo(401);
  }

  @Test
  void badQueryParametersAreValidationErrorsNamingTheField() {
    History h = startedCounteredAccepted();
    String base = "/negotiations/" + h.id() + "/activity";

    assertBadQuery("/negotiations/not-a-uuid/activity", "id", "invalid_uuid");
    assertBadQuery(base + "?after_version=-1", "after_version", "out_of_range");
    assertBadQuery(base + "?after_version=one", "after_version", "invalid_type");
    assertBadQuery(base + "?after_version=1.5", "after_version", "invalid_type");
    assertBadQuery(base + "?limit=0", "limit", "out_of_range");
    assertBadQuery(base + "?limit=101", "limit", "out_of_range");
    assertBadQuery(base + "?limit=ten", "limit", "invalid_type");
    assertBadQuery(base + "?cursor=forged.cursor", "cursor", "invalid_cursor");

    String cursor = nextCursor(activity(h.id(), "?limit=1", BOB));
    Answer alone = activity(h.id(), "?limit=1&cursor=" + cursor, BOB);
    assertThat(alone.status()).isEqualTo(200);
    assertThat(alone.data().get(0).get("version").asLong()).isEqualTo(2);
    // The cursor stands alone; an after_version beside it counts when it is further on.
    Answer withStart = activity(h.id(), "?limit=1&after_version=0&cursor=" + cursor, BOB);
    assertThat(withStart.data().get(0).get("version").asLong()).isEqualTo(2);
    Answer further = activity(h.id(), "?limit=1&after_version=2&cursor=" + cursor, BOB);
    assertThat(further.data().get(0).get("version").asLong()).isEqualTo(3);
    // The cursor is bound to the caller and to the negotiation.
    Answer foreign = activity(h.id(), "?limit=1&cursor=" + cursor, ALICE);
    assertThat(foreign.status()).isEqualTo(400);
    assertThat(foreign.error().get("details").get("reason").asText()).isEqualTo("invalid_cursor");
    History other = startedCounteredAccepted();
    assertBadQuery(
        "/negotiations/" + other.id() + "/activity?limit=1&cursor=" + cursor,
        "cursor",
        "invalid_cursor");
    String listCursor = nextCursor(client.get("/negotiations?limit=1", BOB));
    assertBadQuery(base + "?limit=1&cursor=" + listCursor, "cursor", "invalid_cursor");
  }

  @Test
  void theDocumentDescribesTheOperationAndEveryActionAndCancelReason() throws Exception {
    JsonNode doc = new ObjectMapper().readTree(api.openApiJson());
    JsonNode op = doc.get("paths").get("/negotiations/{id}/activity").get("get");
    assertThat(op.get("operationId").asText()).isEqualTo("listNegotiationActivity");
    assertThat(texts(op.get("tags"))).containsExactly("negotiations");
    assertThat(
            op.get("responses")
                .get("200")
                .get("content")
                .get("application/json")
                .get("schema")
                .get("$ref")
                .asText())
        .isEqualTo("#/components/schemas/ActivityListResponse");
    for (String status : List.of("400", "401", "403", "404", "429")) {
      assertThat(op.get("responses").has(status)).as(status).isTrue();
    }
    List<String> query = new ArrayList<>();
    for (JsonNode p : op.get("parameters")) {
      if ("query".equals(p.path("in").asText())) {
        query.add(p.get("name").asText());
        if (p.get("name").asText().equals("limit")) {
          assertThat(p.get("schema").get("default").asInt()).isEqualTo(50);
          assertThat(p.get("schema").get("maximum").asInt()).isEqualTo(100);
        }
        if (p.get("name").asText().equals("after_version")) {
          assertThat(p.get("schema").get("type").asText()).isEqualTo("integer");
          assertThat(p.get("schema").get("minimum").asInt()).isZero();
        }
      }
    }
    assertThat(query).containsExactly("after_version", "limit", "cursor");

    JsonNode schemas = doc.get("components").get("schemas");
    assertThat(
            schemas
                .get("ActivityListResponse")
                .get("properties")
                .get("data")
                .get("items")
                .get("$ref")
                .asText())
        .isEqualTo("#/components/schemas/ActivityEntry");
    // Nullable fields are optional, so every generator decodes a null (or, later, an absence).
    assertThat(texts(schemas.get("ActivityEntry").get("required")))
        .containsExactly(
            "version", "at", "action", "to_state", "added_slot_ids", "added_venue_ids");
    JsonNode entry = schemas.get("ActivityEntry").get("properties");
    for (String nullable : List.of("actor_id", "from_state", "agent_mode")) {
      assertThat(texts(entry.get(nullable).get("type"))).as(nullable).contains("null");
    }
    List<String> actions = Arrays.stream(NegotiationAction.values()).map(WireNames::of).toList();
    assertThat(texts(schemas.get("ActivityAction").get("enum")))
        .containsExactlyInAnyOrderElementsOf(actions);
    assertThat(texts(schemas.get("LastAction").get("enum")))
        .containsExactlyInAnyOrderElementsOf(actions);
    String reasons = schemas.get("Negotiation").get("properties").get("cancel_reason").toString();
    for (CancelReason reason : CancelReason.values()) {
      assertThat(reasons).contains(WireNames.of(reason));
    }
  }

  private void assertBadQuery(String path, String field, String reason) {
    Answer a = client.get(path, BOB);
    assertThat(a.status()).as(path + " " + a.text()).isEqualTo(400);
    assertThat(a.error().get("code").asText()).isEqualTo("validation_error");
    assertThat(a.error().get("details").get("field").asText()).as(path).isEqualTo(field);
    assertThat(a.error().get("details").get("reason").asText()).as(path).isEqualTo(reason);
  }

  private static String nextCursor(Answer a) {
    assertThat(a.status()).as(a.text()).isEqualTo(200);
    JsonNode next = a.json().get("meta").get("pagination").get("next_cursor");
    assertThat(next.isNull()).as("a next cursor").isFalse();
    return next.asText();
  }

  private static List<Long> versions(Answer a) {
    assertThat(a.status()).as(a.text()).isEqualTo(200);
    List<Long> versions = new ArrayList<>();
    a.data().forEach(e -> versions.add(e.get("version").asLong()));
    return versions;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }

  private static List<String> fieldNames(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
