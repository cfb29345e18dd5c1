package com.kairos.http;

import static com.kairos.domain.testing.Fixtures.ALICE;
import static com.kairos.domain.testing.Fixtures.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import com.kairos.application.port.RateLimiter;
import com.kairos.http.testing.ApiClient;
import com.kairos.http.testing.ApiClient.Answer;
import com.kairos.http.testing.ApiTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Per-user, per-address and write limits, keyed only on what the server can trust. */
class RateLimitTest extends ApiTest {
  // 5 reads and 2 writes a minute per user, 3 unauthenticated attempts per address.
  @Override
  protected ApiSettings.RateLimits rateLimits() {
    return new ApiSettings.RateLimits(1000, 5, 2, 3, 5);
  }

  @Override
  protected RateLimiter limiter() {
    return new InMemoryRateLimiter(backend.clock);
  }

  private void spend(int times, java.util.function.Supplier<Answer> request, int status) {
    for (int i = 0; i < times; i++) {
      assertThat(request.get().status()).as("request %d", i + 1).isEqualTo(status);
    }
  }

  private static void assertLimited(Answer a, long retryAfter) {
    assertThat(a.status()).isEqualTo(429);
    assertThat(a.header("Retry-After")).isEqualTo(String.valueOf(retryAfter));
    assertThat(a.error().get("code").asText()).isEqualTo("rate_limit_exceeded");
    assertThat(a.error().get("details").get("retry_after_seconds").asLong()).isEqualTo(retryAfter);
    assertThat(a.error().get("details").size()).isEqualTo(1);
  }

  @Test
  void theRequestPastAUsersLimitIsRefusedUntilTheBucketRefills() {
    spend(5, () -> client.get("/me", ALICE), 200);
    assertLimited(client.get("/me", ALICE), 12); // 5 a minute: one token every 12 s

    assertThat(client.get("/me", BOB).status()).isEqualTo(200);

    backend.clock.advance(Duration.ofSeconds(12));
    assertThat(client.get("/me", ALICE).status()).isEqualTo(200);
    assertThat(client.get("/me", ALICE).status()).isEqualTo(429);
  }

  @Test
  void rotatingXForwardedForDoesNotResetAUsersBucket() {
    for (int i = 0; i < 5; i++) {
      Map<String, String> headers = new java.util.HashMap<>(ApiClient.auth(ALICE));
      headers.put("X-Forwarded-For", "203.0.113." + i);
      assertThat(client.send("GET", "/me", headers, null).status()).isEqualTo(200);
    }
    Map<String, String> fresh = new java.util.HashMap<>(ApiClient.auth(ALICE));
    fresh.put("X-Forwarded-For", "198.51.100.77");
    assertThat(client.send("GET", "/me", fresh, null).status()).isEqualTo(429);
  }

  @Test
  void writesHaveAStricterLimitThanReads() {
    String body = "{\"negotiation_id\": \"" + UUID.randomUUID() + "\"}";
    spend(2, () -> client.post("/negotiate/send", ALICE, body), 404);
    assertLimited(client.post("/negotiate/send", ALICE, body), 30); // 2 a minute
    assertThat(client.get("/me", ALICE).status()).isEqualTo(200);
  }

  @Test
  void failedAuthenticationIsThrottledPerAddress() {
    Map<String, String> garbage = Map.of("Authorization", "Bearer guess");
    spend(3, () -> client.send("GET", "/me", garbage, null), 401);
    assertLimited(client.send("GET", "/me", garbage, null), 20); // 3 a minute
    Map<String, String> spoofed =
        Map.of("Authorization", "Bearer guess", "X-Forwarded-For", "10.9.8.7");
    assertThat(client.send("GET", "/me", spoofed, null).status()).isEqualTo(429);
    assertThat(client.get("/me", ALICE).status()).isEqualTo(200);
  }

  @Test
  void operationalEndpointsAreExempt() {
    spend(20, () -> client.get("/health", null), 200);
    spend(20, () -> client.get("/ready", null), 200);
    spend(20, () -> client.get("/version", null), 200);
  }

  @Test
  void theRefusalRevealsNothingAboutTheLimiter() {
    spend(5, () -> client.get("/me", ALICE), 200);
    Answer a = client.get("/me", ALICE);
    assertThat(a.status()).isEqualTo(429);
    assertThat(a.text())
        .doesNotContain("alice")
        .doesNotContain("bucket")
        .doesNotContain("user_read");
  }
}
