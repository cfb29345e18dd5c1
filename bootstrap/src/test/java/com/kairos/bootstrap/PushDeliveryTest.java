package com.kairos.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.kairos.domain.testing.Fixtures;
import com.kairos.firebase.testing.FakeFcm;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pushes through the whole stack: two server instances on one PostgreSQL, PUSH_PROVIDER=fcm against
 * a local fake FCM endpoint. Each step's pushes must arrive before the 5 s polling fallback could
 * have sent them, so they prove the LISTEN/NOTIFY wake-up.
 */
class PushDeliveryTest {
  private static final String PROJECT = "kairos-push-it";
  private static final TestTokens TOKENS = new TestTokens(PROJECT);

  /** notifications.md: a committed change reaches the provider within 2 s. */
  private static final Duration WAKE_UP = Duration.ofSeconds(2);

  private static final String MARKER = Fixtures.base64(Fixtures.SECRET_MARKER);
  private static FakeFcm fcm;
  private static DatabaseUrl db;
  private static KairosServer first;
  private static KairosServer second;
  private static ApiClient one;
  private static ApiClient two;
  private static LogCapture logs;

  @BeforeAll
  static void start() {
    logs = new LogCapture();
    fcm = FakeFcm.start();
    db = TestDatabase.createDatabase();
    first = KairosServer.start(KairosConfig.from(env()), Clock.systemUTC());
    second = KairosServer.start(KairosConfig.from(env()), Clock.systemUTC());
    one = new ApiClient("http://127.0.0.1:" + first.port());
    two = new ApiClient("http://127.0.0.1:" + second.port());
  }

  private static Map<String, String> env() {
    Map<String, String> env = TestServerEnv.staging(db, PROJECT);
    env.put("PUSH_PROVIDER", "fcm");
    env.put("FCM_API_URL", fcm.baseUrl().toString());
    return env;
  }

  @AfterAll
  static void stop() {
    second.close();
    first.close();
    fcm.close();
    logs.close();
  }

  @BeforeEach
  void clean() {
    fcm.reset();
  }

  private static Map<String, String> as(String uid) {
    Map<String, String> headers = new HashMap<>();
    headers.put("Authorization", "Bearer " + TOKENS.sign(uid, null));
    headers.put("Content-Type", "application/json");
    return headers;
  }

  private static void phone(String uid, String token) {
    Answer a =
        one.send(
            "PUT",
            "/me/devices/" + UUID.randomUUID(),
            as(uid),
            "{\"push_token\": \"" + token + "\", \"platform\": \"ios\"}");
    assertThat(a.status()).as(a.text()).isEqualTo(201);
  }

  /** (token, kind, version) of every push the fake received since the last reset. */
  private static List<String> received(int expected) {
    List<String> pushes = new ArrayList<>();
    for (FakeFcm.Request r : fcm.awaitRequests(expected, WAKE_UP)) {
      pushes.add(r.token() + " " + r.data().get("kind") + " v" + r.data().get("version"));
    }
    return pushes;
  }

  private static String start(ApiClient via, String owner, String id, String... invitees) {
    String body =
        """
        {"id": "%s", "intent_category": "dinner", "participant_ids": [%s],
         "proposed_slots": [{"starts_at": "2099-06-01T19:00:00Z"}], "encrypted_payload": "%s"}
        """
            .formatted(id, "\"" + String.join("\", \"", invitees) + "\"", MARKER);
    Answer a = via.send("POST", "/negotiate/start", as(owner), body);
    assertThat(a.status()).as(a.text()).isEqualTo(201);
    return id;
  }

  private static Answer reply(ApiClient via, String who, String id, String action) {
    String extra =
        action.equals("counter")
            ? ", \"counter_slots\": [{\"starts_at\": \"2099-06-02T19:00:00Z\"}],"
                + " \"counter_payload\": \""
                + MARKER
                + "\""
            : "";
    Answer a =
        via.send(
            "POST",
            "/negotiate/reply",
            as(who),
            "{\"negotiation_id\": \"%s\", \"action\": \"%s\"%s}".formatted(id, action, extra));
    assertThat(a.status()).as(a.text()).isEqualTo(200);
    return a;
  }

  @Test
  void aNegotiationsWholeLifeSendsExactlyTheTablesPushes() throws SQLException {
    phone("p-alice", "alice-phone-token");
    phone("p-bob", "bob-phone-token");
    phone("p-carol", "carol-phone-token");
    String id = start(one, "p-alice", UUID.randomUUID().toString(), "p-bob", "p-carol");
    assertThat(received(2))
        .containsExactlyInAnyOrder(
            "bob-phone-token negotiation.invited v1", "carol-phone-token negotiation.invited v1");

    fcm.reset();
    reply(two, "p-bob", id, "counter");
    assertThat(received(2))
        .containsExactlyInAnyOrder(
            "alice-phone-token negotiation.countered v2",
            "carol-phone-token negotiation.countered v2");

    fcm.reset();
    reply(one, "p-carol", id, "accept");
    assertThat(received(1)).containsExactly("alice-phone-token negotiation.replied v3");

    fcm.reset();
    Answer finalized = reply(two, "p-alice", id, "accept");
    assertThat(finalized.data().get("state").asText()).isEqualTo("finalized");
    assertThat(received(2))
        .containsExactlyInAnyOrder(
            "bob-phone-token negotiation.finalized v4",
            "carol-phone-token negotiation.finalized v4");

    fcm.reset();
    Answer cancelled =
        one.send(
            "POST", "/negotiate/cancel", as("p-alice"), "{\"negotiation_id\": \"" + id + "\"}");
    assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);
    assertThat(received(2))
        .containsExactlyInAnyOrder(
            "bob-phone-token negotiation.cancelled v5",
            "carol-phone-token negotiation.cancelled v5");

    FakeFcm.Request sample = fcm.requests().get(0);
    assertThat(sample.path()).isEqualTo("/v1/projects/" + PROJECT + "/messages:send");
    assertThat(sample.data()).containsEntry("negotiation_id", id);
    assertThat(sample.body()).doesNotContain(MARKER).doesNotContain(Fixtures.SECRET_MARKER);
    awaitNoPendingRow();
  }

  @Test
  void twoInstancesOnOneDatabaseSendEachPushExactlyOnce() throws SQLException {
    int negotiations = 30;
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < negotiations; i++) {
      phone("twin-guest-" + i, "twin-token-" + i);
    }
    for (int i = 0; i < negotiations; i++) {
      String id =
          start(
              i % 2 == 0 ? one : two,
              "twin-owner",
              UUID.randomUUID().toString(),
              "twin-guest-" + i);
      expected.add("twin-token-" + i + " negotiation.invited v1 " + id);
    }

    List<FakeFcm.Request> requests = fcm.awaitRequests(negotiations, Duration.ofSeconds(10));
    awaitNoPendingRow();
    assertThat(sentRows("twin-token-%")).isEqualTo(negotiations);

    List<String> got = new ArrayList<>();
    for (FakeFcm.Request r : fcm.requests()) {
      got.add(
          r.token()
              + " "
              + r.data().get("kind")
              + " v"
              + r.data().get("version")
              + " "
              + r.data().get("negotiation_id"));
    }
    assertThat(requests).hasSizeGreaterThanOrEqualTo(negotiations);
    assertThat(got).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(new HashSet<>(got)).hasSize(negotiations);
  }

  @Test
  void noPushLogLineOrMetricCarriesATokenABlobOrAName() throws SQLException {
    String token = "full-token-never-logged-" + "Q".repeat(40) + "zz9Last";
    String name = "DISPLAY-NAME-MARKER-41c7";
    String venue = "VENUE-NAME-MARKER-93ab";
    ((ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(com.kairos.application.push.DispatchPushes.class))
        .setLevel(ch.qos.logback.classic.Level.DEBUG);
    phone("log-guest", token);
    phone("log-owner", "log-owner-token");
    Answer named =
        one.send("PATCH", "/me", as("log-guest"), "{\"display_name\": \"" + name + "\"}");
    assertThat(named.status()).as(named.text()).isEqualTo(200);
    String id = UUID.randomUUID().toString();
    Answer started =
        one.send(
            "POST",
            "/negotiate/start",
            as("log-owner"),
            """
            {"id": "%s", "intent_category": "coffee", "participant_ids": ["log-guest"],
             "proposed_slots": [{"starts_at": "2099-06-01T09:00:00Z"}],
             "proposed_venues": [{"name": "%s"}], "encrypted_payload": "%s"}
            """
                .formatted(id, venue, MARKER));
    assertThat(started.status()).as(started.text()).isEqualTo(201);
    reply(two, "log-guest", id, "counter");
    List<FakeFcm.Request> pushes = fcm.awaitRequests(2, WAKE_UP);
    awaitNoPendingRow(); // the dispatcher logs each outcome before recording it

    assertThat(pushes).hasSize(2);
    for (FakeFcm.Request push : pushes) {
      assertThat(push.body())
          .doesNotContain(MARKER)
          .doesNotContain(Fixtures.SECRET_MARKER)
          .doesNotContain(name)
          .doesNotContain(venue);
    }
    Answer metrics = one.send("GET", "/metrics", Map.of(), null);
    assertThat(metrics.text())
        .contains("kairos_push_sent_total{kind=\"negotiation.invited\",outcome=\"sent\"}")
        .contains("kairos_push_delivery_seconds_count")
        .contains("kairos_push_outbox_pending")
        .doesNotContain(token)
        .doesNotContain(MARKER)
        .doesNotContain(name)
        .doesNotContain(venue);
    String text = logs.text();
    assertThat(text)
        .contains("token_suffix")
        .contains("z9Last")
        .doesNotContain(token)
        .doesNotContain(MARKER)
        .doesNotContain(Fixtures.SECRET_MARKER)
        .doesNotContain(name)
        .doesNotContain(venue);
  }

  /**
   * A dispatcher records its round's outcomes after the provider answered, so the last rows turn
   * sent a moment after the fake saw them: checked every 20 ms, for at most 5 s.
   */
  private static void awaitNoPendingRow() throws SQLException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    long left = pending();
    while (left > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      left = pending();
    }
    assertThat(left).as("pending push rows").isZero();
  }

  private static long pending() throws SQLException {
    return count("SELECT count(*) FROM push_outbox WHERE state = 'pending'");
  }

  private static long sentRows(String tokenPattern) throws SQLException {
    return count(
        "SELECT count(*) FROM push_outbox o JOIN devices d ON d.id = o.device_id"
            + " WHERE o.state = 'sent' AND d.push_token LIKE '"
            + tokenPattern
            + "'");
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
