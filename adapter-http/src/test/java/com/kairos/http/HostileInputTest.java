package com.kairos.http;

import static com.kairos.domain.testing.Fixtures.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.kairos.http.testing.ApiClient.Answer;
import com.kairos.http.testing.ApiTest;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Input that passes the JSON parser and then used to fail deeper down: text PostgreSQL cannot
 * store, and timestamps with text after a valid instant. Each is a 400 naming the field, and
 * nothing is stored.
 */
class HostileInputTest extends ApiTest {

  private static String start(String id, String slot, String venue, String extra) {
    return """
        {"id": "%s", "intent_category": "dinner", "participant_ids": ["bob-uid"],
         "proposed_slots": [%s], "proposed_venues": [%s], "encrypted_payload": "%s"%s}
        """
        .formatted(id, slot, venue, NegotiationEndpointsTest.PAYLOAD, extra);
  }

  private void assertRefused(Answer a, String field, String reason) {
    assertThat(a.status()).as(a.text()).isEqualTo(400);
    assertThat(a.error().get("code").asText()).isEqualTo("validation_error");
    assertThat(a.error().get("details").get("field").asText()).isEqualTo(field);
    assertThat(a.error().get("details").get("reason").asText()).isEqualTo(reason);
  }

  private void assertNothingStored(String id) {
    assertThat(client.get("/negotiations/" + id, ALICE).status()).isEqualTo(404);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "venue name with NUL|{\"name\": \"Chez\\u0000Nous\"}|proposed_venues[0].name",
        "provider id with NUL|{\"provider_id\": \"\\u0000\"}|proposed_venues[0].provider_id",
        "lone high surrogate|{\"name\": \"caf\\ud800\"}|proposed_venues[0].name",
        "lone low surrogate|{\"name\": \"\\udc00x\"}|proposed_venues[0].name",
      })
  void unstorableTextIsRefusedWhereverItIs(String label, String venue, String field) {
    String id = UUID.randomUUID().toString();
    Answer a =
        client.post(
            "/negotiate/start",
            ALICE,
            start(id, "{\"starts_at\": \"2026-11-25T19:00:00Z\"}", venue, ""));
    assertRefused(a, field, "invalid_character");
    assertNothingStored(id);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Al\\u0000ice", "\\ud83d", "ok\\udc4d"})
  void aDisplayNameMustBeStorable(String name) {
    Answer a = client.patch("/me", ALICE, "{\"display_name\": \"" + name + "\"}");
    assertRefused(a, "display_name", "invalid_character");
    assertThat(client.get("/me", ALICE).data().get("display_name").isNull()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"\\ud83d\\udc4d Alice", "Zoë", "名前"})
  void validUnicodeIsKeptExactly(String name) {
    Answer a = client.patch("/me", ALICE, "{\"display_name\": \"" + name + "\"}");
    assertThat(a.status()).as(a.text()).isEqualTo(200);
    String expected = name.replace("\\ud83d\\udc4d", new String(Character.toChars(0x1F44D)));
    assertThat(a.data().get("display_name").asText()).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2027-01-01T10:00:00Zx",
        "2027-01-01T10:00:00+01:00 ",
        "2027-01-01T10:00:00.123456789012Z",
        "2027-01-01T10:00:00",
        "2027-01-01 10:00:00Z",
        "2027-02-30T10:00:00Z",
        "2027-01-01T24:00:01Z"
      })
  void timestampsMustParseWhole(String timestamp) {
    String id = UUID.randomUUID().toString();
    Answer slot =
        client.post(
            "/negotiate/start", ALICE, start(id, "{\"starts_at\": \"" + timestamp + "\"}", "", ""));
    assertRefused(slot, "proposed_slots[0].starts_at", "invalid_timestamp");
    Answer expiry =
        client.post(
            "/negotiate/start",
            ALICE,
            start(
                id,
                "{\"starts_at\": \"2026-11-25T19:00:00Z\"}",
                "",
                ", \"expires_at\": \"" + timestamp + "\""));
    assertRefused(expiry, "expires_at", "invalid_timestamp");
    Answer event =
        client.post(
            "/events",
            ALICE,
            """
            {"id": "%s", "starts_at": "%s", "encrypted_payload": "%s"}
            """
                .formatted(id, timestamp, NegotiationEndpointsTest.PAYLOAD));
    assertRefused(event, "starts_at", "invalid_timestamp");
    assertNothingStored(id);
    assertThat(client.get("/events/" + id, ALICE).status()).isEqualTo(404);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2027-01-01T10:00:00Zx", "2027-01-01T10%3A00%3A00Z%00"})
  void timestampQueryParametersMustParseWhole(String timestamp) {
    Answer a = client.get("/negotiations?updated_after=" + timestamp, ALICE);
    assertRefused(a, "updated_after", "invalid_timestamp");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e400", "-1e400", "1E+999"})
  void numbersBeyondADoubleAreOutOfRange(String number) {
    String id = UUID.randomUUID().toString();
    Answer venue =
        client.post(
            "/negotiate/start",
            ALICE,
            start(
                id,
                "{\"starts_at\": \"2026-11-25T19:00:00Z\"}",
                "{\"latitude\": " + number + ", \"longitude\": 2}",
                ""));
    assertRefused(venue, "proposed_venues[0].latitude", "out_of_range");
    Answer reply =
        client.post(
            "/negotiate/reply",
            ALICE,
            "{\"negotiation_id\": \"%s\", \"action\": %s}".formatted(id, number));
    assertRefused(reply, "action", "out_of_range");
    assertNothingStored(id);
  }
}
