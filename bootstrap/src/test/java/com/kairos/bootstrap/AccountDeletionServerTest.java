package com.kairos.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.kairos.firebase.testing.TestTokens;
import com.kairos.http.testing.ApiClient;
import com.kairos.http.testing.ApiClient.Answer;
import com.kairos.postgres.DatabaseUrl;
import com.kairos.postgres.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DELETE /me through the whole stack with real RS256 tokens: the recent sign-in rule, and the
 * deleted account's token refused by a second instance too (after its one-second refresh).
 */
class AccountDeletionServerTest {
  private static final String PROJECT = "kairos-delete-it";
  private static final TestTokens TOKENS = new TestTokens(PROJECT);
  private static DatabaseUrl db;
  private static KairosServer first;
  private static KairosServer second;
  private static ApiClient one;
  private static ApiClient two;

  @BeforeAll
  static void start() {
    db = TestDatabase.createDatabase();
    Map<String, String> env = TestServerEnv.staging(db, PROJECT);
    env.put("PUSH_PROVIDER", "none");
    first = KairosServer.start(KairosConfig.from(env), Clock.systemUTC());
    second = KairosServer.start(KairosConfig.from(env), Clock.systemUTC());
    one = new ApiClient("http://127.0.0.1:" + first.port());
    two = new ApiClient("http://127.0.0.1:" + second.port());
  }

  @AfterAll
  static void stop() {
    second.close();
    first.close();
  }

  private static Map<String, String> bearer(String token) {
    Map<String, String> headers = new HashMap<>();
    headers.put("Authorization", "Bearer " + token);
    return headers;
  }

  @Test
  void anOldSignInIsRefusedAndARecentOneDeletesEverywhere() throws SQLException {
    long now = Instant.now().getEpochSecond();
    String stale = TOKENS.sign("del-alice", null, now - 301, now - 10);
    String recent = TOKENS.sign("del-alice", null, now - 60, now - 10);
    assertThat(one.send("GET", "/me", bearer(recent), null).status()).isEqualTo(200);
    assertThat(two.send("GET", "/me", bearer(recent), null).status()).isEqualTo(200);

    Answer refused = one.send("DELETE", "/me", bearer(stale), null);
    assertThat(refused.status()).as(refused.text()).isEqualTo(403);
    assertThat(refused.error().get("details").get("reason").asText())
        .isEqualTo("recent_login_required");
    assertThat(count("SELECT count(*) FROM app_users WHERE firebase_uid = 'del-alice'"))
        .isEqualTo(1);

    Answer deleted = one.send("DELETE", "/me", bearer(recent), null);
    assertThat(deleted.status()).as(deleted.text()).isEqualTo(204);
    assertThat(count("SELECT count(*) FROM app_users WHERE firebase_uid = 'del-alice'")).isZero();
    assertThat(count("SELECT count(*) FROM account_jobs")).isEqualTo(1);

    Answer here = one.send("GET", "/me", bearer(recent), null);
    assertThat(here.status()).isEqualTo(401);
    assertThat(here.error().get("details").get("reason").asText()).isEqualTo("revoked_token");
    // The other instance learns of it on its next refresh (every second): at most 3 s here.
    Answer there = awaitRefusal(two, recent);
    assertThat(there.status()).isEqualTo(401);
    assertThat(there.error().get("details").get("reason").asText()).isEqualTo("revoked_token");
    assertThat(one.send("DELETE", "/me", bearer(recent), null).status()).isEqualTo(401);
  }

  private static Answer awaitRefusal(ApiClient client, String token) {
    long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
    Answer answer = client.send("GET", "/me", bearer(token), null);
    while (answer.status() == 200 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      answer = client.send("GET", "/me", bearer(token), null);
    }
    return answer;
  }

  private static long count(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
