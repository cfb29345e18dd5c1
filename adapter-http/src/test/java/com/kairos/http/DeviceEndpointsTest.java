package com.kairos.http;

import static com.kairos.domain.testing.Fixtures.ALICE;
import static com.kairos.domain.testing.Fixtures.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kairos.domain.common.UserId;
import com.kairos.http.testing.ApiClient;
import com.kairos.http.testing.ApiClient.Answer;
import com.kairos.http.testing.ApiTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code /me/devices}: registration, the token rules, the listing and removal (notifications.md).
 */
class DeviceEndpointsTest extends ApiTest {
  private static final String TOKEN = "fcm:APA91b_token-Of.ThePhone" + "x".repeat(120) + "Ab12Cd";

  private Answer put(UserId as, String installation, String body) {
    Map<String, String> headers = new HashMap<>(ApiClient.auth(as));
    headers.put("Content-Type", "application/json");
    return client.send("PUT", "/me/devices/" + installation, headers, body);
  }

  private Answer delete(UserId as, String installation) {
    return client.send("DELETE", "/me/devices/" + installation, ApiClient.auth(as), null);
  }

  private static String body(String token) {
    return """
        {"push_token": "%s", "platform": "ios", "app_version": "2.3.1", "locale": "fr-CH"}
        """
        .formatted(token);
  }

  @Test
  void aNewInstallationIs201AndTheSameBodyAgainOnlyMovesLastSeen() {
    String id = UUID.randomUUID().toString();

    Answer created = put(ALICE, id, body(TOKEN));

    assertThat(created.status()).as(created.text()).isEqualTo(201);
    JsonNode d = created.data();
    assertThat(d.get("installation_id").asText()).isEqualTo(id);
    assertThat(d.get("platform").asText()).isEqualTo("ios");
    assertThat(d.get("app_version").asText()).isEqualTo("2.3.1");
    assertThat(d.get("locale").asText()).isEqualTo("fr-CH");
    assertThat(d.get("token_suffix").asText()).isEqualTo("Ab12Cd");
    assertThat(d.get("created_at").asText()).isEqualTo("2026-11-23T10:00:00.000Z");
    assertThat(d.get("last_seen_at").asText()).isEqualTo("2026-11-23T10:00:00.000Z");
    assertThat(created.text()).doesNotContain(TOKEN);

    backend.clock.advance(Duration.ofMinutes(5));
    Answer again = put(ALICE, id, body(TOKEN));

    assertThat(again.status()).isEqualTo(200);
    assertThat(again.data().get("created_at").asText()).isEqualTo("2026-11-23T10:00:00.000Z");
    assertThat(again.data().get("last_seen_at").asText()).isEqualTo("2026-11-23T10:05:00.000Z");
    Answer list = client.get("/me/devices", ALICE);
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.data()).hasSize(1);
    assertThat(list.data().get(0)).isEqualTo(again.data());
    assertThat(list.json().get("meta").get("count").asInt()).isEqualTo(1);
    assertThat(list.text()).doesNotContain(TOKEN);
  }

  @Test
  void optionalFieldsMayBeLeftOut() {
    Answer created =
        put(
            BOB,
            UUID.randomUUID().toString(),
            "{\"push_token\": \"t1\", \"platform\": \"android\"}");
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    assertThat(created.data().get("app_version").isNull()).isTrue();
    assertThat(created.data().get("locale").isNull()).isTrue();
    assertThat(created.data().get("token_suffix").asText()).isEqualTo("t1");
  }

  @Test
  void aTokenRegisteredByAnotherUserMovesToThem() {
    String phone = UUID.randomUUID().toString();
    put(ALICE, phone, body(TOKEN));

    Answer bobs = put(BOB, phone, body(TOKEN));

    assertThat(bobs.status()).isEqualTo(201);
    assertThat(client.get("/me/devices", ALICE).data()).isEmpty();
    assertThat(client.get("/me/devices", BOB).data()).hasSize(1);
  }

  @Test
  void deletingIs204EvenWhenAbsentAndAnotherUsersDeviceIsUntouched() {
    String id = UUID.randomUUID().toString();
    put(ALICE, id, body(TOKEN));

    Answer foreign = delete(BOB, id);
    assertThat(foreign.status()).isEqualTo(204);
    assertThat(foreign.text()).isEmpty();
    assertThat(client.get("/me/devices", ALICE).data()).hasSize(1);

    assertThat(delete(ALICE, id).status()).isEqualTo(204);
    assertThat(delete(ALICE, id).status()).isEqualTo(204);
    assertThat(client.get("/me/devices", ALICE).data()).isEmpty();
  }

  @Test
  void badInputIsA400NamingTheField() {
    String id = UUID.randomUUID().toString();
    assertField(put(ALICE, "not-a-uuid", body(TOKEN)), 400, "installation_id");
    assertField(
        put(ALICE, "123e4567-e89b-12d3-a456-426614174000", body(TOKEN)), 400, "installation_id");
    assertField(put(ALICE, id, body("has space")), 400, "push_token");
    assertField(put(ALICE, id, body("x".repeat(4097))), 400, "push_token");
    assertField(
        put(ALICE, id, "{\"push_token\": \"t\", \"platform\": \"windows\"}"), 400, "platform");
    assertField(put(ALICE, id, "{\"platform\": \"ios\"}"), 400, "push_token");
    assertField(
        put(
            ALICE,
            id,
            "{\"push_token\": \"t\", \"platform\": \"ios\", \"app_version\": \""
                + "9".repeat(33)
                + "\"}"),
        400,
        "app_version");
    assertField(
        put(
            ALICE,
            id,
            "{\"push_token\": \"t\", \"platform\": \"ios\", \"locale\": \"not a locale\"}"),
        400,
        "locale");
    assertField(delete(ALICE, "nope"), 400, "installation_id");
    assertThat(client.get("/me/devices", ALICE).data()).isEmpty();
  }

  @Test
  void devicesNeedAToken() {
    Answer anonymous = client.send("GET", "/me/devices", Map.of(), null);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.error().get("code").asText()).isEqualTo("authentication_error");
  }

  private static void assertField(Answer a, int status, String field) {
    assertThat(a.status()).as(a.text()).isEqualTo(status);
    assertThat(a.error().get("code").asText()).isEqualTo("validation_error");
    assertThat(a.error().get("details").get("field").asText()).as(a.text()).isEqualTo(field);
  }
}
