package com.kairos.http;

import static com.kairos.domain.testing.Fixtures.ALICE;
import static com.kairos.domain.testing.Fixtures.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import com.kairos.domain.common.UserId;
import com.kairos.domain.testing.Fixtures;
import com.kairos.http.testing.ApiClient;
import com.kairos.http.testing.ApiClient.Answer;
import com.kairos.http.testing.ApiTest;
import com.kairos.http.testing.TestIdentityVerifier;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code DELETE /me} (accounts.md): the recent sign-in rule, the 204, the dead tokens. */
class AccountDeletionEndpointsTest extends ApiTest {
  private static final String BLOB = Fixtures.base64("alice's plans");

  private Map<String, String> signedIn(UserId who, Duration ago) {
    Instant at = backend.clock.instant().minus(ago);
    return Map.of("Authorization", "Bearer " + TestIdentityVerifier.signedIn(who, at, at));
  }

  private Answer deleteMe(Map<String, String> headers) {
    return client.send("DELETE", "/me", headers, null);
  }

  private String startWithBob() {
    String id = UUID.randomUUID().toString();
    Answer started =
        client.post(
            "/negotiate/start",
            ALICE,
            """
            {"id": "%s", "intent_category": "lunch", "participant_ids": ["bob-uid"],
             "proposed_slots": [{"starts_at": "2099-06-01T12:00:00Z"}], "encrypted_payload": "%s"}
            """
                .formatted(id, BLOB));
    assertThat(started.status()).as(started.text()).isEqualTo(201);
    return id;
  }

  @Test
  void aSignInOlderThanFiveMinutesIsRefusedAndChangesNothing() {
    String id = startWithBob();

    Answer stale = deleteMe(signedIn(ALICE, Duration.ofMinutes(5).plusSeconds(1)));
    Answer unknown = deleteMe(ApiClient.auth(ALICE)); // a token without auth_time

    for (Answer refused : new Answer[] {stale, unknown}) {
      assertThat(refused.status()).as(refused.text()).isEqualTo(403);
      assertThat(refused.error().get("code").asText()).isEqualTo("authorization_error");
      assertThat(refused.error().get("details").get("reason").asText())
          .isEqualTo("recent_login_required");
    }
    Answer still = client.get("/negotiations/" + id, BOB);
    assertThat(still.data().get("state").asText()).isEqualTo("active");
    assertThat(still.data().get("encrypted_payload").asText()).isEqualTo(BLOB);
  }

  @Test
  void aRecentSignInDeletesTheAccountAndItsTokensDieWithIt() {
    String id = startWithBob();
    Map<String, String> token = signedIn(ALICE, Duration.ofMinutes(4));

    Answer deleted = deleteMe(token);

    assertThat(deleted.status()).as(deleted.text()).isEqualTo(204);
    assertThat(deleted.text()).isEmpty();
    Answer again = deleteMe(token);
    assertThat(again.status()).isEqualTo(401);
    assertThat(again.error().get("details").get("reason").asText()).isEqualTo("revoked_token");
    Answer read = client.send("GET", "/me", token, null);
    assertThat(read.status()).isEqualTo(401);

    Answer seenByBob = client.get("/negotiations/" + id, BOB);
    assertThat(seenByBob.data().get("state").asText()).isEqualTo("cancelled");
    assertThat(seenByBob.data().get("cancel_reason").asText()).isEqualTo("owner_deleted");
    assertThat(seenByBob.data().get("encrypted_payload").isNull()).isTrue();
    assertThat(seenByBob.text()).doesNotContain(BLOB);

    // A token issued after the deletion is a new sign-in: a new, empty profile. (Firebase gives a
    // new sign-up a new uid, so the old negotiations, which keep the old id, are not its own.)
    backend.clock.advance(Duration.ofSeconds(2));
    Map<String, String> fresh = signedIn(ALICE, Duration.ZERO);
    Answer me = client.send("GET", "/me", fresh, null);
    assertThat(me.status()).as(me.text()).isEqualTo(200);
    assertThat(me.data().get("display_name").isNull()).isTrue();
    assertThat(me.data().get("created_at").asText()).isEqualTo("2026-11-23T10:00:02.000Z");
  }

  @Test
  void deletingNeedsAToken() {
    Answer anonymous = deleteMe(new HashMap<>());
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.error().get("details").get("reason").asText()).isEqualTo("missing_token");
  }
}
