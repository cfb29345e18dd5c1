package com.kairos.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kairos.domain.testing.Fixtures;
import com.kairos.firebase.testing.TestTokens;
import com.kairos.postgres.testing.TestDatabase;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the whole request path on real PostgreSQL, with seeded generators (no property-testing
 * library: jqwik, the obvious one, asks since 1.10 not to be used by AI coding agents, and this
 * code is written with one): valid bodies of every write route with one to three fields replaced by
 * hostile values (NUL, lone surrogates, trailing text after timestamps, huge numbers, wrong types),
 * removed or added; raw bodies that are barely JSON; hostile query and path values on every read
 * route. Whatever comes in, the answer is a 2xx or a 4xx in the envelope, never a 5xx and never a
 * hang. Seeds are fixed, so CI runs the same inputs every time; the inputs that once caused 500s
 * are kept below as examples.
 */
class RequestFuzzTest {
  private static final String PROJECT = "kairos-fuzz";
  private static final TestTokens TOKENS = new TestTokens(PROJECT);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String PAYLOAD = Fixtures.base64("fuzzed proposal");
  private static final String IN_A_MONTH =
      java.time.Instant.now()
          .plus(Duration.ofDays(30))
          .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
          .toString();
  private static KairosServer server;
  private static String base;
  private static String alice;
  private static String bob;

  @BeforeAll
  static void start() {
    Map<String, String> env =
        TestServerEnv.stagingWithoutRateLimits(TestDatabase.createDatabase(), PROJECT);
    server = KairosServer.start(KairosConfig.from(env), Clock.systemUTC());
    base = "http://127.0.0.1:" + server.port();
    alice = "Bearer " + TOKENS.sign("fuzz-alice", "Alice");
    bob = "Bearer " + TOKENS.sign("fuzz-bob", null);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  // ------------------------------------------------------------------ generated inputs

  /** Generated cases per test; raise it for a long run with -Dkairos.fuzz.tries=10000. */
  private static final int TRIES = Integer.getInteger("kairos.fuzz.tries", 150);

  /** Runs {@code tries} generated cases from a fixed seed, naming the failing case. */
  private static void fuzz(long seed, java.util.function.Consumer<Random> oneCase) {
    Random random = new Random(seed);
    for (int i = 0; i < TRIES; i++) {
      long caseSeed = random.nextLong();
      try {
        oneCase.accept(new Random(caseSeed));
      } catch (AssertionError e) {
        throw new AssertionError("case " + i + " (seed " + caseSeed + ") failed", e);
      }
    }
  }

  @Test
  void mutatedWriteBodiesNeverFailOnOurSide() {
    fuzz(
        20261125L,
        r -> {
          String route = pick(r, WRITE_ROUTES);
          String negotiation = route.equals("/negotiate/start") ? null : startNegotiation();
          ObjectNode body = template(route, negotiation);
          for (int m = 1 + r.nextInt(3); m > 0; m--) {
            new Mutation(null, r.nextInt(3_000), hostileValue(r)).apply(body);
          }
          String auth = route.equals("/negotiate/reply") ? bob : alice;
          String method = route.equals("/me") ? "PATCH" : "POST";
          assertAnsweredByUs(send(method, route, auth, body.toString()), body.toString());
        });
  }

  @Test
  void rawBodiesNeverFailOnOurSide() {
    fuzz(
        20261126L,
        r -> {
          String route = pick(r, WRITE_ROUTES);
          String raw = r.nextBoolean() ? pick(r, RAW_BODIES) : randomString(r, 200);
          String method = route.equals("/me") ? "PATCH" : "POST";
          assertAnsweredByUs(send(method, route, alice, raw), raw);
        });
  }

  @Test
  void hostileQueriesAndPathsNeverFailOnOurSide() {
    fuzz(
        20261127L,
        r -> {
          String value = hostileString(r);
          String path =
              pick(r, READ_ROUTES).replace("{}", URLEncoder.encode(value, StandardCharsets.UTF_8));
          assertAnsweredByUs(send("GET", path, alice, null), path);
        });
  }

  // ------------------------------------------------------------------ regression corpus

  @Test
  void nulInEveryTextFieldIsABadRequest() {
    for (String path : List.of("proposed_venues.0.name", "proposed_venues.0.provider_id")) {
      ObjectNode body = template("/negotiate/start", null);
      new Mutation(path, 0, NODES.textNode("a\u0000b")).apply(body);
      assertRefused(send("POST", "/negotiate/start", alice, body.toString()), 400);
    }
    assertRefused(send("PATCH", "/me", alice, "{\"display_name\": \"Al\\u0000ice\"}"), 400);
  }

  @Test
  void trailingTextAfterEveryTimestampIsABadRequest() {
    String junk = "2027-01-01T10:00:00Zx";
    for (String path : List.of("proposed_slots.0.starts_at", "proposed_slots.0.ends_at")) {
      ObjectNode body = template("/negotiate/start", null);
      ((ObjectNode) body.get("proposed_slots").get(0)).remove("duration_minutes");
      new Mutation(path, 0, NODES.textNode(junk)).apply(body);
      assertRefused(send("POST", "/negotiate/start", alice, body.toString()), 400);
    }
    ObjectNode start = template("/negotiate/start", null);
    start.put("expires_at", junk);
    assertRefused(send("POST", "/negotiate/start", alice, start.toString()), 400);
    ObjectNode counter = template("/negotiate/reply", startNegotiation());
    new Mutation("counter_slots.0.starts_at", 0, NODES.textNode(junk)).apply(counter);
    assertRefused(send("POST", "/negotiate/reply", bob, counter.toString()), 400);
    ObjectNode event = template("/events", null);
    event.put("ends_at", junk);
    assertRefused(send("POST", "/events", alice, event.toString()), 400);
    assertRefused(send("GET", "/negotiations?updated_after=" + junk, alice, null), 400);
    assertRefused(send("GET", "/events/upcoming?after=" + junk, alice, null), 400);
  }

  @Test
  void aNumberBeyondADoubleInAnEnumFieldIsABadRequest() {
    ObjectNode reply = template("/negotiate/reply", startNegotiation());
    reply.set("action", NODES.numberNode(new java.math.BigDecimal("1e400")));
    assertRefused(
        send("POST", "/negotiate/reply", bob, reply.toString().replace("1E+400", "1e400")), 400);
  }

  // ------------------------------------------------------------------ inputs

  private static final List<String> WRITE_ROUTES =
      List.of(
          "/negotiate/start",
          "/negotiate/reply",
          "/negotiate/send",
          "/negotiate/cancel",
          "/events",
          "/me");

  private static final List<String> READ_ROUTES =
      List.of(
          "/negotiations/{}",
          "/negotiations?state={}",
          "/negotiations?role={}&awaiting_me=true",
          "/negotiations?awaiting_me={}",
          "/negotiations?updated_after={}",
          "/negotiations?limit={}",
          "/negotiations?cursor={}",
          "/events/{}",
          "/events?status={}",
          "/events?updated_after={}&limit=5",
          "/events?cursor={}",
          "/events/upcoming?after={}",
          "/events/upcoming?limit={}");

  private static final List<String> HOSTILE_STRINGS =
      List.of(
          "2027-01-01T10:00:00Zx",
          "2027-01-01T10:00:00+25:00",
          "9999999999-01-01T00:00:00Z",
          "\u0000",
          "a\u0000b",
          "\ud800",
          "\udfff\ud800",
          "-1",
          "0",
          "101",
          "99999999999999999999",
          "1e3",
          "NaN",
          "",
          " ",
          "null",
          "true",
          "active,active,active",
          "draft,,",
          "0b7c9a52-4a1e-4f6b-9d55-2f1f6a0c1e11",
          "00000000-0000-0000-0000-000000000000",
          "../../etc/passwd",
          "%00",
          "eyJhbGciOiJub25lIn0.e30.",
          "x".repeat(5000));

  private static final List<String> RAW_BODIES =
      List.of(
          "",
          "{",
          "[]",
          "null",
          "{\"id\": 1}{}",
          "{\"a\":" + "[".repeat(2000),
          "{\"id\": \"\\ud800\"}",
          "{\"id\": \"x\", \"id\": \"y\"}",
          "\uFEFF{}");

  private static <T> T pick(Random r, List<T> items) {
    return items.get(r.nextInt(items.size()));
  }

  /** Any UTF-16 code units, lone surrogates and NUL included. */
  private static String randomString(Random r, int maxLength) {
    char[] chars = new char[r.nextInt(maxLength + 1)];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = r.nextInt(4) == 0 ? (char) r.nextInt(0x10000) : (char) r.nextInt(0x80);
    }
    return new String(chars);
  }

  private static String hostileString(Random r) {
    return r.nextInt(3) == 0 ? randomString(r, 64) : pick(r, HOSTILE_STRINGS);
  }

  private static JsonNode hostileValue(Random r) {
    switch (r.nextInt(6)) {
      case 0:
        return NODES.textNode(hostileString(r));
      case 1:
        return NODES.textNode(randomString(r, 300));
      case 2:
        return NODES.numberNode(r.nextLong());
      case 3:
        return NODES.numberNode(r.nextDouble() * Math.pow(10, r.nextInt(40) - 20));
      default:
        return pick(
            r,
            List.of(
                NODES.numberNode(new java.math.BigDecimal("1e400")),
                NODES.numberNode(-0.0),
                NODES.numberNode(1.5),
                NODES.numberNode(Integer.MAX_VALUE + 1L),
                NODES.nullNode(),
                NODES.booleanNode(true),
                NODES.arrayNode(),
                NODES.objectNode(),
                NODES.arrayNode().add(NODES.arrayNode().add(NODES.objectNode()))));
    }
  }

  // ------------------------------------------------------------------ helpers

  /**
   * Replaces the value at {@code path} (dotted, array indexes as numbers) or, without a path, at
   * the {@code choice}-th node of the body: op 0 replaces it, 1 removes it, 2 adds an unknown
   * sibling.
   */
  record Mutation(String path, int choice, JsonNode value) {
    void apply(ObjectNode body) {
      JsonNode value = this.value.deepCopy(); // generated nodes are shared between tries
      List<String[]> paths = new ArrayList<>();
      collect(body, "", paths);
      if (path == null && paths.isEmpty()) {
        body.set("id", value); // everything was removed: put something back
        return;
      }
      String target = path;
      int op = path == null ? choice % 3 : 0;
      if (target == null) {
        target = paths.get((choice / 3) % paths.size())[0];
      }
      int cut = target.lastIndexOf('.');
      JsonNode parent = cut < 0 ? body : at(body, target.substring(0, cut));
      String key = target.substring(cut + 1);
      if (parent instanceof ObjectNode object) {
        switch (op) {
          case 0 -> object.set(key, value);
          case 1 -> object.remove(key);
          default -> object.set(key + "_x", value);
        }
      } else if (parent instanceof ArrayNode array) {
        int index = Integer.parseInt(key);
        switch (op) {
          case 0 -> array.set(index, value);
          case 1 -> array.remove(index);
          default -> array.add(value);
        }
      }
    }

    private static void collect(JsonNode node, String prefix, List<String[]> out) {
      if (node.isObject()) {
        node.fieldNames()
            .forEachRemaining(
                name -> {
                  String p = prefix.isEmpty() ? name : prefix + "." + name;
                  out.add(new String[] {p});
                  collect(node.get(name), p, out);
                });
      } else if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          String p = prefix + "." + i;
          out.add(new String[] {p});
          collect(node.get(i), p, out);
        }
      }
    }

    private static JsonNode at(JsonNode root, String dotted) {
      JsonNode node = root;
      for (String part : dotted.split("\\.")) {
        node = node.isArray() ? node.get(Integer.parseInt(part)) : node.get(part);
      }
      return node;
    }
  }

  /** A valid body for {@code route}; replies, sends and cancels act on {@code negotiation}. */
  private static ObjectNode template(String route, String negotiation) {
    String json =
        switch (route) {
          case "/negotiate/start" ->
              """
              {"id": "%s", "intent_category": "dinner", "participant_ids": ["fuzz-bob"],
               "proposed_slots": [{"starts_at": "2099-06-01T19:00:00+02:00",
                                   "duration_minutes": 90, "timezone": "Europe/Paris"}],
               "proposed_venues": [{"name": "Chez Nous", "provider_id": "g:1",
                                    "latitude": 48.85, "longitude": 2.35}],
               "expires_at": "%s", "encrypted_payload": "%s"}
              """
                  .formatted(UUID.randomUUID(), IN_A_MONTH, PAYLOAD);
          case "/negotiate/reply" ->
              """
              {"negotiation_id": "%s", "action": "counter", "reply_id": "%s",
               "expected_version": 1, "accepted_slot_ids": [], "accepted_venue_ids": [],
               "counter_slots": [{"starts_at": "2099-06-02T19:00:00Z", "ends_at":
                                  "2099-06-02T21:00:00Z"}],
               "counter_venues": [{"name": "Other place"}],
               "counter_payload": "%s", "encrypted_payload": "%s", "agent_mode": "assisted"}
              """
                  .formatted(negotiation, UUID.randomUUID(), PAYLOAD, PAYLOAD);
          case "/negotiate/send", "/negotiate/cancel" ->
              """
              {"negotiation_id": "%s", "expected_version": 1}
              """
                  .formatted(negotiation);
          case "/events" ->
              """
              {"id": "%s", "starts_at": "2099-01-01T10:00:00Z", "ends_at":
               "2099-01-01T11:00:00Z", "timezone": "UTC", "intent_category": "gym",
               "encrypted_payload": "%s", "encrypted_blob_version": 2}
              """
                  .formatted(UUID.randomUUID(), PAYLOAD);
          default ->
              """
              {"display_name": "Alice", "locale": "fr-FR", "agent_mode_default": "assisted"}
              """;
        };
    try {
      return (ObjectNode) JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String startNegotiation() {
    ObjectNode body = template("/negotiate/start", null);
    Answer a = send("POST", "/negotiate/start", alice, body.toString());
    assertThat(a.status()).as(a.body()).isEqualTo(201);
    return body.get("id").asText();
  }

  private record Answer(int status, String body) {}

  private static Answer send(String method, String path, String auth, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", auth)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (java.io.IOException e) {
      throw new AssertionError(method + " " + path + " got no answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static void assertAnsweredByUs(Answer a, String input) {
    assertThat(a.status()).as("%s for input %s", a.body(), input).isBetween(200, 499);
    if (a.status() >= 400) {
      JsonNode error = readTree(a.body()).get("error");
      assertThat(error).as(a.body()).isNotNull();
      assertThat(error.get("code").asText()).isNotBlank();
      assertThat(error.get("message").asText()).isNotBlank();
    }
  }

  private static void assertRefused(Answer a, int status) {
    assertThat(a.status()).as(a.body()).isEqualTo(status);
    assertThat(readTree(a.body()).get("error").get("code").asText()).isEqualTo("validation_error");
  }

  private static JsonNode readTree(String text) {
    try {
      return JSON.readTree(text);
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }
}
