package com.kairos.http;

import static com.kairos.domain.testing.Fixtures.ALICE;
import static com.kairos.domain.testing.Fixtures.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import com.kairos.domain.testing.Fixtures;
import com.kairos.http.testing.ApiClient.Answer;
import com.kairos.http.testing.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every 400 (schema) and 422 (rule) reason, with the exact field path. */
class ValidationErrorsTest extends ApiTest {
  private static final String BLOB = Fixtures.base64("p");
  private static final String FUTURE = "2026-11-25T10:00:00Z";

  private String start(String fields) {
    return "{\"id\": \""
        + UUID.randomUUID()
        + "\", \"intent_category\": \"coffee\","
        + " \"participant_ids\": [\"bob-uid\"], \"encrypted_payload\": \""
        + BLOB
        + "\", "
        + fields
        + "}";
  }

  private String slots(String... slots) {
    return "\"proposed_slots\": [" + String.join(",", slots) + "]";
  }

  private static String slot(String startsAt) {
    return "{\"starts_at\": \"" + startsAt + "\"}";
  }

  private void expect(int status, Answer a, String field, String reason) {
    assertThat(a.status()).as(a.text()).isEqualTo(status);
    assertThat(a.error().get("code").asText()).isEqualTo("validation_error");
    assertThat(a.error().get("details").get("field").asText()).as(a.text()).isEqualTo(field);
    assertThat(a.error().get("details").get("reason").asText()).as(a.text()).isEqualTo(reason);
    assertThat(a.error().get("message").asText()).isNotBlank();
    assertThat(a.json().has("meta")).isFalse();
  }

  private Answer post(String body) {
    return client.post("/negotiate/start", ALICE, body);
  }

  @Test
  void schemaViolationsAreBadRequestsNamingTheField() {
    expect(400, post("{\"intent_category\": \"coffee\"}"), "id", "missing_field");
    expect(
        400, post(start(slots(slot(FUTURE)) + ", \"colour\": \"red\"")), "colour", "unknown_field");
    expect(400, post(start("\"proposed_slots\": \"tomorrow\"")), "proposed_slots", "invalid_type");
    expect(
        400,
        post(start(slots(slot(FUTURE))).replace("coffee", "tea")),
        "intent_category",
        "invalid_enum");
    expect(
        400,
        post(start(slots(slot(FUTURE))).replaceFirst("\"id\": \"[^\"]+\"", "\"id\": \"123\"")),
        "id",
        "invalid_uuid");
    expect(
        400,
        post(start(slots("{\"starts_at\": \"next tuesday\"}"))),
        "proposed_slots[0].starts_at",
        "invalid_timestamp");
    expect(
        400,
        post(start(slots(slot(FUTURE), "{\"starts_at\": \"" + FUTURE + "\", \"x\": 1}"))),
        "proposed_slots[1].x",
        "unknown_field");
    expect(400, post(start("\"proposed_slots\": []")), "proposed_slots", "invalid_length");
    expect(
        400,
        post(start(slots("{\"starts_at\": \"" + FUTURE + "\", \"duration_minutes\": 2}"))),
        "proposed_slots[0].duration_minutes",
        "out_of_range");
    expect(
        400,
        post(
            start(
                slots(
                    "{\"starts_at\": \""
                        + FUTURE
                        + "\", \"ends_at\": \""
                        + FUTURE
                        + "\", \"duration_minutes\": 30}"))),
        "proposed_slots[0]",
        "conflicting_fields");
    expect(
        400,
        post(start(slots(slot(FUTURE))).replace(BLOB, "not base64!")),
        "encrypted_payload",
        "invalid_base64");
    expect(400, post("{\"id\": "), "body", "malformed_json");
    expect(400, post("[1, 2]"), "body", "invalid_type");
    String nonV4 = "c232ab00-9414-11ec-b3c8-9f6bdeced846";
    expect(
        400,
        post(
            start(slots(slot(FUTURE)))
                .replaceFirst("\"id\": \"[^\"]+\"", "\"id\": \"" + nonV4 + "\"")),
        "id",
        "invalid_uuid");
  }

  @Test
  void aWellFormedUuidThatIsNotVersion4IsCalledJustThat() {
    String nonV4 = "c232ab00-9414-11ec-b3c8-9f6bdeced846";
    Answer notV4 =
        post(
            start(slots(slot(FUTURE)))
                .replaceFirst("\"id\": \"[^\"]+\"", "\"id\": \"" + nonV4 + "\""));
    expect(400, notV4, "id", "invalid_uuid");
    assertThat(notV4.error().get("message").asText()).isEqualTo("Not a version 4 UUID: id");
    Answer garbled =
        post(start(slots(slot(FUTURE))).replaceFirst("\"id\": \"[^\"]+\"", "\"id\": \"123\""));
    assertThat(garbled.error().get("message").asText()).isEqualTo("Not a valid UUID: id");
  }

  @Test
  void severalSchemaErrorsAreAllListed() {
    Answer a = post("{\"id\": 5, \"bogus\": true}");
    assertThat(a.status()).isEqualTo(400);
    List<String> reasons = new ArrayList<>();
    a.error()
        .get("details")
        .get("errors")
        .forEach(e -> reasons.add(e.get("field").asText() + ":" + e.get("reason").asText()));
    assertThat(reasons)
        .contains(
            "id:invalid_type",
            "bogus:unknown_field",
            "intent_category:missing_field",
            "encrypted_payload:missing_field");
  }

  @Test
  void rulesTheSchemaCannotSeeAreUnprocessable() {
    expect(
        422,
        post(start(slots(slot("2026-11-23T09:00:00Z")))),
        "proposed_slots[0].starts_at",
        "starts_in_past");
    expect(
        422,
        post(
            start(
                slots(
                    "{\"starts_at\": \"" + FUTURE + "\", \"ends_at\": \"2026-11-25T09:00:00Z\"}"))),
        "proposed_slots[0].ends_at",
        "ends_before_start");
    String huge = java.util.Base64.getEncoder().encodeToString(new byte[16_385]);
    expect(
        422,
        post(start(slots(slot(FUTURE))).replace(BLOB, huge)),
        "encrypted_payload",
        "payload_too_large");
    expect(
        422,
        post(start(slots(slot(FUTURE)) + ", \"expires_at\": \"2026-11-23T09:00:00Z\"")),
        "expires_at",
        "expires_in_past");
    expect(
        422,
        post(start(slots(slot(FUTURE)) + ", \"expires_at\": \"2027-03-01T00:00:00Z\"")),
        "expires_at",
        "expires_too_far");
    expect(
        422,
        post(start(slots(slot(FUTURE))).replace("[\"bob-uid\"]", "[\"bob-uid\", \"bob-uid\"]")),
        "participant_ids[1]",
        "duplicate_participant");
    expect(
        422,
        post(start(slots(slot(FUTURE))).replace("[\"bob-uid\"]", "[\"alice-uid\"]")),
        "participant_ids",
        "no_invitees");
    List<String> fifty = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      fifty.add("\"u" + i + "\"");
    }
    expect(
        422,
        post(
            start(slots(slot(FUTURE)))
                .replace("[\"bob-uid\"]", "[" + String.join(",", fifty) + "]")),
        "participant_ids",
        "too_many_participants");
    expect(
        422,
        post(start(slots("{\"starts_at\": \"" + FUTURE + "\", \"timezone\": \"Mars/Base\"}"))),
        "proposed_slots[0].timezone",
        "invalid_timezone");
  }

  @Test
  void replyRulesAreUnprocessable() {
    String id = UUID.randomUUID().toString();
    String startBody =
        "{\"id\": \""
            + id
            + "\", \"intent_category\": \"coffee\","
            + " \"participant_ids\": [\"bob-uid\", \"carol-uid\"], \"encrypted_payload\": \""
            + BLOB
            + "\", "
            + slots(slot("2026-11-23T12:00:00Z"), slot(FUTURE))
            + "}";
    Answer started = post(startBody);
    assertThat(started.status()).as(started.text()).isEqualTo(201);
    String early = started.data().get("proposed_slots").get(0).get("id").asText();
    String head = "{\"negotiation_id\": \"" + id + "\", ";

    expect(
        422,
        reply(
            head
                + "\"action\": \"accept\", \"accepted_slot_ids\": [\""
                + UUID.randomUUID()
                + "\"]}"),
        "accepted_slot_ids[0]",
        "unknown_option");
    expect(
        422,
        reply(head + "\"action\": \"counter\", \"counter_payload\": \"" + BLOB + "\"}"),
        "counter_slots",
        "missing_counter_options");
    expect(
        422,
        reply(head + "\"action\": \"counter\", \"counter_slots\": [" + slot(FUTURE) + "]}"),
        "counter_payload",
        "counter_payload_required");
    expect(
        422,
        reply(head + "\"action\": \"accept\", \"counter_payload\": \"" + BLOB + "\"}"),
        "counter_payload",
        "counter_payload_not_allowed");
    expect(
        422,
        reply(
            head
                + "\"action\": \"counter\", \"counter_payload\": \""
                + BLOB
                + "\", \"counter_slots\": ["
                + slot("2026-11-22T10:00:00Z")
                + "]}"),
        "counter_slots[0].starts_at",
        "starts_in_past");
    backend.clock.advance(java.time.Duration.ofHours(3));
    expect(
        422,
        reply(head + "\"action\": \"accept\", \"accepted_slot_ids\": [\"" + early + "\"]}"),
        "accepted_slot_ids[0]",
        "slot_closed");
    expect(400, reply(head + "\"action\": \"maybe\"}"), "action", "invalid_enum");
  }

  @Test
  void tooManyOptionsInOneNegotiationIsUnprocessable() {
    String id = UUID.randomUUID().toString();
    List<String> ten = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ten.add(slot("2026-12-0" + (i % 9 + 1) + "T1" + i % 10 + ":00:00Z"));
    }
    post(
        "{\"id\": \""
            + id
            + "\", \"intent_category\": \"coffee\", \"participant_ids\": [\"bob-uid\"],"
            + " \"encrypted_payload\": \""
            + BLOB
            + "\", "
            + slots(ten.toArray(new String[0]))
            + "}");
    Answer last = null;
    for (int round = 0; round < 5; round++) {
      List<String> more = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        more.add(slot("2026-12-1" + round + "T" + (10 + i) + ":00:00Z"));
      }
      last =
          reply(
              "{\"negotiation_id\": \""
                  + id
                  + "\", \"action\": \"counter\", \"counter_payload\": \""
                  + BLOB
                  + "\", \"counter_slots\": ["
                  + String.join(",", more)
                  + "]}");
    }
    expect(422, last, "counter_slots", "too_many_options");
  }

  private Answer reply(String body) {
    return client.post("/negotiate/reply", BOB, body);
  }
}
