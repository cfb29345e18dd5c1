package com.kairos.http;

import static com.kairos.domain.testing.Fixtures.ALICE;
import static com.kairos.domain.testing.Fixtures.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kairos.domain.testing.Fixtures;
import com.kairos.http.testing.ApiClient.Answer;
import com.kairos.http.testing.ApiTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventAndProfileEndpointsTest extends ApiTest {
  private static final String BLOB = Fixtures.base64("my calendar note");

  private Answer createEvent(String id, String startsAt) {
    return client.post(
        "/events",
        ALICE,
        """
        {"id": "%s", "starts_at": "%s", "ends_at": "2026-12-31T00:00:00Z",
         "timezone": "America/New_York", "intent_category": "gym",
         "encrypted_payload": "%s", "encrypted_blob_version": 2}
        """
            .formatted(id, startsAt, BLOB));
  }

  @Test
  void aManualEventIsCreatedReadAndListed() {
    String id = UUID.randomUUID().toString();
    Answer created = createEvent(id, "2026-12-01T18:00:00-05:00");
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    JsonNode e = created.data();
    assertThat(e.get("id").asText()).isEqualTo(id);
    assertThat(e.get("owner_id").asText()).isEqualTo("alice-uid");
    assertThat(e.get("negotiation_id").isNull()).isTrue();
    assertThat(e.get("source").asText()).isEqualTo("manual");
    assertThat(e.get("status").asText()).isEqualTo("confirmed");
    assertThat(e.get("starts_at").asText()).isEqualTo("2026-12-01T23:00:00.000Z");
    assertThat(e.get("timezone").asText()).isEqualTo("America/New_York");
    assertThat(e.get("intent_category").asText()).isEqualTo("gym");
    assertThat(e.get("encrypted_payload").asText()).isEqualTo(BLOB);
    assertThat(e.get("encrypted_blob_version").asInt()).isEqualTo(2);

    assertThat(client.get("/events/" + id, ALICE).data()).isEqualTo(e);
    Answer foreign = client.get("/events/" + id, BOB);
    assertThat(foreign.status()).isEqualTo(403);
    assertThat(foreign.error().get("details").get("resource_type").asText()).isEqualTo("event");
    assertThat(client.get("/events/" + UUID.randomUUID(), ALICE).status()).isEqualTo(404);

    Answer list = client.get("/events?status=confirmed", ALICE);
    assertThat(list.data()).hasSize(1);
    assertThat(list.json().get("meta").get("pagination").get("has_more").asBoolean()).isFalse();
    assertThat(client.get("/events?status=cancelled", ALICE).data()).isEmpty();
    assertThat(client.get("/events?status=maybe", ALICE).status()).isEqualTo(400);
  }

  @Test
  void aTakenEventIdConflicts() {
    String id = UUID.randomUUID().toString();
    createEvent(id, "2026-12-01T18:00:00Z");
    Answer again = createEvent(id, "2026-12-02T18:00:00Z");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.error().get("details").get("reason").asText()).isEqualTo("duplicate_id");
  }

  @Test
  void upcomingIsEarliestFirstWithACount() {
    createEvent(UUID.randomUUID().toString(), "2026-12-01T19:00:00Z");
    String soon =
        createEvent(UUID.randomUUID().toString(), "2026-11-24T09:00:00Z").data().get("id").asText();
    backend.clock.advance(Duration.ofHours(1));
    Answer upcoming = client.get("/events/upcoming?limit=1", ALICE);
    assertThat(upcoming.status()).isEqualTo(200);
    assertThat(upcoming.json().get("meta").get("count").asInt()).isEqualTo(1);
    assertThat(upcoming.data().get(0).get("id").asText()).isEqualTo(soon);
    assertThat(client.get("/events/upcoming?after=2026-11-25T00:00:00Z", ALICE).data()).hasSize(1);
    assertThat(client.get("/events/upcoming?after=soon", ALICE).status()).isEqualTo(400);
  }

  @Test
  void meIsCreatedOnFirstCallFromTheTokenAndAcceptLanguage() {
    Answer me =
        client.send(
            "GET",
            "/me",
            Map.of(
                "Authorization",
                "Bearer valid:alice-uid:Alice Liddell",
                "Accept-Language",
                "fr-CH, fr;q=0.9"),
            null);
    assertThat(me.status()).isEqualTo(200);
    JsonNode p = me.data();
    assertThat(p.get("firebase_uid").asText()).isEqualTo("alice-uid");
    assertThat(p.get("display_name").asText()).isEqualTo("Alice Liddell");
    assertThat(p.get("locale").asText()).isEqualTo("fr-CH");
    assertThat(p.get("agent_mode_default").asText()).isEqualTo("manual");
    assertThat(p.get("feature_flags").isObject()).isTrue();
    assertThat(UUID.fromString(p.get("id").asText())).isNotNull();
  }

  @Test
  void patchMeChangesOnlyTheAllowedFields() {
    client.get("/me", ALICE);
    Answer patched =
        client.patch(
            "/me",
            ALICE,
            "{\"display_name\": null, \"locale\": \"de-DE\", \"agent_mode_default\": \"assisted\"}");
    assertThat(patched.status()).as(patched.text()).isEqualTo(200);
    assertThat(patched.data().get("display_name").isNull()).isTrue();
    assertThat(patched.data().get("locale").asText()).isEqualTo("de-DE");
    assertThat(patched.data().get("agent_mode_default").asText()).isEqualTo("assisted");

    Answer forbiddenField = client.patch("/me", ALICE, "{\"firebase_uid\": \"someone-else\"}");
    assertThat(forbiddenField.status()).isEqualTo(400);
    assertThat(forbiddenField.error().get("details").get("reason").asText())
        .isEqualTo("unknown_field");
    Answer tooLong = client.patch("/me", ALICE, "{\"display_name\": \"" + "n".repeat(101) + "\"}");
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.error().get("details").get("field").asText()).isEqualTo("display_name");
    Answer badLocale = client.patch("/me", ALICE, "{\"locale\": \"english please\"}");
    assertThat(badLocale.status()).isEqualTo(400);
    assertThat(client.get("/me", ALICE).data().get("locale").asText()).isEqualTo("de-DE");
  }
}
