package com.kairos.http;

import static com.kairos.domain.testing.Fixtures.ALICE;
import static com.kairos.domain.testing.Fixtures.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import com.kairos.domain.testing.Fixtures;
import com.kairos.http.testing.ApiClient.Answer;
import com.kairos.http.testing.ApiTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Invitees the identity provider does not know: 422 naming the field, never the value. */
class ParticipantCheckTest extends ApiTest {

  private Answer start(String... participants) {
    return client.post(
        "/negotiate/start",
        ALICE,
        "{\"id\": \"%s\", \"intent_category\": \"coffee\", \"participant_ids\": [\"%s\"],"
                .formatted(UUID.randomUUID(), String.join("\", \"", participants))
            + " \"proposed_slots\": [{\"starts_at\": \"2026-11-25T10:00:00Z\"}],"
            + " \"encrypted_payload\": \""
            + Fixtures.base64("p")
            + "\"}");
  }

  @Test
  void anEmailAddressAsParticipantIsAnUnknownParticipant() {
    backend.users.onlyKnows(ALICE, BOB);

    Answer a = start(BOB.value(), "dave@example.com");

    assertThat(a.status()).as(a.text()).isEqualTo(422);
    assertThat(a.error().get("code").asText()).isEqualTo("validation_error");
    assertThat(a.error().get("details").get("field").asText()).isEqualTo("participant_ids[1]");
    assertThat(a.error().get("details").get("reason").asText()).isEqualTo("unknown_participant");
    assertThat(a.text()).doesNotContain("dave@example.com");
  }

  @Test
  void knownInviteesAreAccepted() {
    backend.users.onlyKnows(BOB);

    assertThat(start(BOB.value()).status()).isEqualTo(201);
  }

  @Test
  void anUnreachableDirectoryIsServiceUnavailable() {
    backend.users.becomeUnreachable();

    Answer a = start(BOB.value());

    assertThat(a.status()).as(a.text()).isEqualTo(503);
    assertThat(a.error().get("details").get("dependency").asText()).isEqualTo("firebase");
  }
}
