package com.kairos.http;

import static com.kairos.domain.testing.Fixtures.ALICE;
import static com.kairos.domain.testing.Fixtures.BOB;
import static com.kairos.domain.testing.Fixtures.CAROL;
import static com.kairos.domain.testing.Fixtures.MALLORY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kairos.domain.testing.Fixtures;
import com.kairos.http.testing.ApiClient.Answer;
import com.kairos.http.testing.ApiTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NegotiationEndpointsTest extends ApiTest {
  static final String PAYLOAD = Fixtures.base64("encrypted proposal");

  static String startBody(String id, String... invitees) {
    return """
        {"id": "%s", "intent_category": "dinner", "participant_ids": [%s],
         "proposed_slots": [{"starts_at": "2026-11-25T19:00:00+01:00", "duration_minutes": 90,
                             "timezone": "Europe/Paris"}],
         "proposed_venues": [{"name": "Chez Nous", "latitude": 48.85, "longitude": 2.35}],
         "encrypted_payload": "%s"}
        """
        .formatted(id, quoted(invitees), PAYLOAD);
  }

  static String quoted(String... values) {
    List<String> q = new ArrayList<>();
    for (String v : values) {
      q.add("\"" + v + "\"");
    }
    return String.join(",", q);
  }

  private String started(String... invitees) {
    String id = UUID.randomUUID().toString();
    Answer a = client.post("/negotiate/start", ALICE, startBody(id, invitees));
    assertThat(a.status()).as(a.text()).isEqualTo(201);
    return id;
  }

  private Answer reply(com.kairos.domain.common.UserId who, String json) {
    return client.post("/negotiate/reply", who, json);
  }

  @Test
  void startReturnsTheWholeNegotiationWithAnETag() {
    String id = UUID.randomUUID().toString();
    Answer a = client.post("/negotiate/start", ALICE, startBody(id, "bob-uid", "carol-uid"));

    assertThat(a.status()).isEqualTo(201);
    assertThat(a.header("ETag")).isEqualTo("\"1\"");
    assertThat(a.header("Content-Type")).startsWith("application/json");
    JsonNode n = a.data();
    assertThat(n.get("id").asText()).isEqualTo(id);
    assertThat(n.get("owner_id").asText()).isEqualTo("alice-uid");
    assertThat(n.get("state").asText()).isEqualTo("active");
    assertThat(n.get("cancel_reason").isNull()).isTrue();
    assertThat(n.get("intent_category").asText()).isEqualTo("dinner");
    assertThat(n.get("agent_mode").asText()).isEqualTo("manual");
    assertThat(n.get("agent_round").asInt()).isZero();
    assertThat(n.get("version").asInt()).isEqualTo(1);
    assertThat(n.get("participant_count").asInt()).isEqualTo(3);
    assertThat(n.get("is_group").asBoolean()).isTrue();
    assertThat(n.get("participants")).hasSize(3);
    JsonNode organizer = n.get("participants").get(0);
    assertThat(organizer.get("user_id").asText()).isEqualTo("alice-uid");
    assertThat(organizer.get("role").asText()).isEqualTo("organizer");
    assertThat(organizer.get("status").asText()).isEqualTo("accepted");
    assertThat(organizer.get("accepted_slot_ids")).hasSize(1);
    assertThat(n.get("participants").get(1).get("status").asText()).isEqualTo("pending");
    JsonNode slot = n.get("proposed_slots").get(0);
    assertThat(slot.get("starts_at").asText()).isEqualTo("2026-11-25T18:00:00.000Z");
    assertThat(slot.get("ends_at").asText()).isEqualTo("2026-11-25T19:30:00.000Z");
    assertThat(slot.get("timezone").asText()).isEqualTo("Europe/Paris");
    assertThat(slot.get("round").asInt()).isZero();
    JsonNode venue = n.get("proposed_venues").get(0);
    assertThat(venue.get("name").asText()).isEqualTo("Chez Nous");
    assertThat(venue.get("latitude").asDouble()).isEqualTo(48.85);
    assertThat(venue.get("provider_id").isNull()).isTrue();
    assertThat(n.get("outcome").isNull()).isTrue();
    assertThat(n.get("encrypted_payload").asText()).isEqualTo(PAYLOAD);
    assertThat(n.get("counter_payload").isNull()).isTrue();
    assertThat(n.get("encrypted_blob_version").asInt()).isEqualTo(1);
    assertThat(n.get("last_actor_id").asText()).isEqualTo("alice-uid");
    assertThat(n.get("last_action").asText()).isEqualTo("start");
    assertThat(n.get("created_at").asText()).isEqualTo("2026-11-23T10:00:00.000Z");
    assertThat(n.get("expires_at").asText()).isEqualTo("2026-11-30T10:00:00.000Z");
    assertThat(a.json().get("meta").get("request_id").asText()).isEqualTo(a.header("X-Request-Id"));
    assertThat(a.json().get("meta").get("timestamp").asText())
        .isEqualTo("2026-11-23T10:00:00.000Z");
  }

  @Test
  void anOfflineRetryOfTheSameStartIsReplayedAndADifferentOneConflicts() {
    String id = UUID.randomUUID().toString();
    client.post("/negotiate/start", ALICE, startBody(id, "bob-uid"));
    String reordered =
        """
        {"encrypted_payload": "%s", "intent_category": "dinner",
         "proposed_venues": [{"longitude": 2.35, "latitude": 48.85, "name": "Chez Nous"}],
         "proposed_slots": [{"timezone": "Europe/Paris", "duration_minutes": 90,
                             "starts_at": "2026-11-25T19:00:00+01:00"}],
         "participant_ids": ["bob-uid"], "id": "%s"}
        """
            .formatted(PAYLOAD, id);

    Answer replay = client.post("/negotiate/start", ALICE, reordered);
    assertThat(replay.status()).isEqualTo(200);
    assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(replay.data().get("id").asText()).isEqualTo(id);

    Answer other = client.post("/negotiate/start", ALICE, startBody(id, "carol-uid"));
    assertThat(other.status()).isEqualTo(409);
    assertThat(other.error().get("code").asText()).isEqualTo("conflict_error");
    assertThat(other.error().get("details").get("reason").asText()).isEqualTo("duplicate_id");
    assertThat(other.error().get("details").get("resource_id").asText()).isEqualTo(id);
  }

  @Test
  void repliesCounterAndFinalizeAGroupNegotiation() {
    String id = started("bob-uid", "carol-uid");
    Answer counter =
        reply(
            BOB,
            """
            {"negotiation_id": "%s", "action": "counter", "expected_version": 1,
             "counter_slots": [{"starts_at": "2026-11-26T18:00:00Z"}],
             "counter_payload": "%s", "encrypted_payload": "%s", "agent_mode": "assisted"}
            """
                .formatted(id, Fixtures.base64("counter"), Fixtures.base64("bob note")));
    assertThat(counter.status()).as(counter.text()).isEqualTo(200);
    JsonNode n = counter.data();
    assertThat(n.get("version").asInt()).isEqualTo(2);
    assertThat(n.get("agent_round").asInt()).isEqualTo(1);
    assertThat(n.get("counter_payload").asText()).isEqualTo(Fixtures.base64("counter"));
    assertThat(n.get("participants").get(0).get("status").asText()).isEqualTo("pending");
    assertThat(n.get("participants").get(1).get("status").asText()).isEqualTo("countered");
    assertThat(n.get("participants").get(1).get("encrypted_payload").asText())
        .isEqualTo(Fixtures.base64("bob note"));
    assertThat(n.get("proposed_slots")).hasSize(2);
    String newSlot = n.get("proposed_slots").get(1).get("id").asText();

    reply(ALICE, "{\"negotiation_id\": \"%s\", \"action\": \"accept\"}".formatted(id));
    Answer done =
        reply(
            CAROL,
            """
            {"negotiation_id": "%s", "action": "accept", "accepted_slot_ids": ["%s"]}
            """
                .formatted(id, newSlot));
    assertThat(done.data().get("state").asText()).isEqualTo("finalized");
    assertThat(done.data().get("outcome").get("slot_id").asText()).isEqualTo(newSlot);
    assertThat(done.data().get("outcome").get("venue_id").asText())
        .isEqualTo(done.data().get("proposed_venues").get(0).get("id").asText());

    Answer upcoming = client.get("/events/upcoming", CAROL);
    assertThat(upcoming.json().get("meta").get("count").asInt()).isEqualTo(1);
    assertThat(upcoming.data().get(0).get("negotiation_id").asText()).isEqualTo(id);
    assertThat(upcoming.data().get(0).get("starts_at").asText())
        .isEqualTo("2026-11-26T18:00:00.000Z");
  }

  @Test
  void aRepeatedReplyIdIsAcceptedWithoutChange() {
    String id = started("bob-uid");
    String body =
        "{\"negotiation_id\": \"%s\", \"action\": \"accept\", \"reply_id\": \"%s\"}"
            .formatted(id, UUID.randomUUID());
    assertThat(reply(BOB, body).data().get("state").asText()).isEqualTo("finalized");
    Answer again = reply(BOB, body);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.data().get("version").asInt()).isEqualTo(2);
  }

  @Test
  void aRepeatedReplyIdIsAnsweredAsARepeatWhateverTheRestOfTheBodySays() {
    String id = started("bob-uid", "carol-uid");
    String replyId = UUID.randomUUID().toString();
    String accept =
        "{\"negotiation_id\": \"%s\", \"action\": \"accept\", \"reply_id\": \"%s\"}"
            .formatted(id, replyId);
    assertThat(reply(BOB, accept).status()).isEqualTo(200);

    Answer badDecline =
        reply(
            BOB,
            """
            {"negotiation_id": "%s", "action": "decline", "reply_id": "%s",
             "accepted_slot_ids": ["%s"]}
            """
                .formatted(id, replyId, UUID.randomUUID()));

    assertThat(badDecline.status()).as(badDecline.text()).isEqualTo(200);
    assertThat(badDecline.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(badDecline.data().get("version").asInt()).isEqualTo(2);
  }

  @Test
  void everyConflictReasonIsReported() {
    String id = started("bob-uid", "carol-uid");
    Answer organizerDecline =
        reply(ALICE, "{\"negotiation_id\": \"%s\", \"action\": \"decline\"}".formatted(id));
    assertConflict(organizerDecline, "organizer_cannot_decline");

    Answer stale =
        reply(
            BOB,
            "{\"negotiation_id\": \"%s\", \"action\": \"decline\", \"expected_version\": 9}"
                .formatted(id));
    assertConflict(stale, "stale_version");
    assertThat(stale.error().get("details").get("current_version").asInt()).isEqualTo(1);

    Answer sendActive =
        client.post("/negotiate/send", ALICE, "{\"negotiation_id\": \"%s\"}".formatted(id));
    assertConflict(sendActive, "invalid_state_transition");
    assertThat(sendActive.error().get("details").get("current_state").asText()).isEqualTo("active");
    assertThat(sendActive.error().get("details").get("requested_action").asText())
        .isEqualTo("send");

    backend.clock.advance(Duration.ofDays(8));
    Answer expired =
        reply(BOB, "{\"negotiation_id\": \"%s\", \"action\": \"accept\"}".formatted(id));
    assertConflict(expired, "negotiation_expired");
    assertThat(expired.error().get("details").get("expired_at").asText())
        .isEqualTo("2026-11-30T10:00:00.000Z");
    Answer read = client.get("/negotiations/" + id, BOB);
    assertThat(read.data().get("state").asText()).isEqualTo("cancelled");
    assertThat(read.data().get("cancel_reason").asText()).isEqualTo("expired");
  }

  private static void assertConflict(Answer a, String reason) {
    assertThat(a.status()).as(a.text()).isEqualTo(409);
    assertThat(a.error().get("code").asText()).isEqualTo("conflict_error");
    assertThat(a.error().get("details").get("reason").asText()).isEqualTo(reason);
  }

  @Test
  void sendAndCancelAreTheOwnersAndDraftsAreHidden() {
    String id = UUID.randomUUID().toString();
    client.post(
        "/negotiate/start",
        ALICE,
        startBody(id, "bob-uid")
            .replace("\"intent_category\"", "\"state\": \"draft\", \"intent_category\""));
    Answer hidden = client.get("/negotiations/" + id, BOB);
    assertThat(hidden.status()).isEqualTo(404);
    assertThat(hidden.error().get("details").get("resource_type").asText())
        .isEqualTo("negotiation");
    assertThat(
            client
                .post("/negotiate/send", BOB, "{\"negotiation_id\": \"%s\"}".formatted(id))
                .status())
        .isEqualTo(404);

    Answer sent =
        client.post(
            "/negotiate/send",
            ALICE,
            "{\"negotiation_id\": \"%s\", \"expected_version\": 1}".formatted(id));
    assertThat(sent.status()).isEqualTo(200);
    assertThat(sent.data().get("state").asText()).isEqualTo("active");

    Answer forbidden =
        client.post("/negotiate/cancel", BOB, "{\"negotiation_id\": \"%s\"}".formatted(id));
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(forbidden.error().get("code").asText()).isEqualTo("authorization_error");
    assertThat(forbidden.error().get("details").get("resource_id").asText()).isEqualTo(id);

    Answer cancelled =
        client.post("/negotiate/cancel", ALICE, "{\"negotiation_id\": \"%s\"}".formatted(id));
    assertThat(cancelled.data().get("state").asText()).isEqualTo("cancelled");
    assertThat(cancelled.data().get("cancel_reason").asText()).isEqualTo("owner_cancelled");
  }

  @Test
  void getHonoursIfNoneMatchAndRefusesStrangersAndBadIds() {
    String id = started("bob-uid");
    Answer first = client.get("/negotiations/" + id, BOB);
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.header("ETag")).isEqualTo("\"1\"");
    Answer notModified =
        client.send(
            "GET",
            "/negotiations/" + id,
            Map.of("Authorization", "Bearer valid:bob-uid", "If-None-Match", "\"1\""),
            null);
    assertThat(notModified.status()).isEqualTo(304);
    assertThat(notModified.text()).isEmpty();

    Answer stranger = client.get("/negotiations/" + id, MALLORY);
    assertThat(stranger.status()).isEqualTo(403);
    Answer unknown = client.get("/negotiations/" + UUID.randomUUID(), BOB);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.error().get("code").asText()).isEqualTo("not_found");
    Answer malformed = client.get("/negotiations/not-a-uuid", BOB);
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.error().get("details").get("field").asText()).isEqualTo("id");
    assertThat(malformed.error().get("details").get("reason").asText()).isEqualTo("invalid_uuid");
  }

  @Test
  void aReplyToAnUnknownNegotiationIsNotFoundEvenWhenItsFieldsDoNotFitItsAction() {
    Answer badDecline =
        reply(
            BOB,
            """
            {"negotiation_id": "%s", "action": "decline",
             "accepted_slot_ids": ["%s"]}
            """
                .formatted(UUID.randomUUID(), UUID.randomUUID()));

    assertThat(badDecline.status()).as(badDecline.text()).isEqualTo(404);
    assertThat(badDecline.error().get("code").asText()).isEqualTo("not_found");
  }

  @Test
  void listingPagesWithoutRepeatsAndFilters() {
    Set<String> all = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      all.add(started("bob-uid"));
      backend.clock.advance(Duration.ofSeconds(1));
    }
    Set<String> seen = new HashSet<>();
    String cursor = null;
    int pages = 0;
    do {
      Answer page =
          client.get("/negotiations?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), BOB);
      assertThat(page.status()).as(page.text()).isEqualTo(200);
      JsonNode pagination = page.json().get("meta").get("pagination");
      assertThat(pagination.get("limit").asInt()).isEqualTo(2);
      page.data().forEach(s -> assertThat(seen.add(s.get("id").asText())).isTrue());
      page.data()
          .forEach(
              s -> {
                assertThat(s.get("my_status").asText()).isEqualTo("pending");
                assertThat(s.has("encrypted_payload")).isFalse();
                assertThat(s.has("participants")).isFalse();
              });
      cursor =
          pagination.get("next_cursor").isNull() ? null : pagination.get("next_cursor").asText();
      assertThat(pagination.get("has_more").asBoolean()).isEqualTo(cursor != null);
      pages++;
    } while (cursor != null);
    assertThat(pages).isEqualTo(3);
    assertThat(seen).isEqualTo(all);

    assertThat(client.get("/negotiations?state=finalized,cancelled", BOB).data()).isEmpty();
    assertThat(client.get("/negotiations?awaiting_me=true&role=invitee", BOB).data()).hasSize(5);
    assertThat(client.get("/negotiations?role=organizer", BOB).data()).isEmpty();
    assertThat(client.get("/negotiations?updated_after=2026-11-23T10:00:03Z", BOB).data())
        .hasSize(1);
  }

  @Test
  void badListParametersAreValidationErrors() {
    assertBadQuery("/negotiations?limit=0", "limit", "out_of_range");
    assertBadQuery("/negotiations?limit=101", "limit", "out_of_range");
    assertBadQuery("/negotiations?limit=ten", "limit", "invalid_type");
    assertBadQuery("/negotiations?state=open", "state", "invalid_enum");
    assertBadQuery("/negotiations?role=boss", "role", "invalid_enum");
    assertBadQuery("/negotiations?awaiting_me=yes", "awaiting_me", "invalid_type");
    assertBadQuery("/negotiations?updated_after=yesterday", "updated_after", "invalid_timestamp");
    assertBadQuery("/negotiations?cursor=forged.cursor", "cursor", "invalid_cursor");
    String cursor = null;
    for (int i = 0; i < 2; i++) {
      started("bob-uid");
    }
    cursor =
        client
            .get("/negotiations?limit=1", ALICE)
            .json()
            .get("meta")
            .get("pagination")
            .get("next_cursor")
            .asText();
    assertBadQuery(
        "/negotiations?limit=1&cursor=" + cursor + "&state=active", "cursor", "invalid_cursor");
  }

  private void assertBadQuery(String path, String field, String reason) {
    Answer a = client.get(path, BOB);
    assertThat(a.status()).as(path).isEqualTo(400);
    assertThat(a.error().get("code").asText()).isEqualTo("validation_error");
    assertThat(a.error().get("details").get("field").asText()).as(path).isEqualTo(field);
    assertThat(a.error().get("details").get("reason").asText()).as(path).isEqualTo(reason);
  }
}
