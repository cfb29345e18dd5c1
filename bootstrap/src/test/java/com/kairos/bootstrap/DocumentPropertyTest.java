package com.kairos.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kairos.firebase.testing.TestTokens;
import com.kairos.http.testing.ApiClient;
import com.kairos.http.testing.ApiClient.Answer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A bounded property-based run over every operation of the document the server serves, generated
 * from the document itself (seeded, so CI sends the same requests every time): bodies, path and
 * query values drawn from the operation's schemas, then one in three broken on purpose (a required
 * field gone, an unknown one added, a wrong type, a value outside its schema), sent with a real
 * token (RS256, verified by firebase-admin against test certificates) or none. Every answer must be
 * a status the operation declares explicitly, with a body its schema accepts (held to the document
 * closed again, see {@code OpenApiContract}), and never a 5xx. Raise the bound with {@code
 * -Dkairos.properties.tries=500}.
 */
class DocumentPropertyTest {
  private static final String PROJECT = "kairos-properties";
  private static final TestTokens TOKENS = new TestTokens(PROJECT);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int TRIES = Integer.getInteger("kairos.properties.tries", 40);
  private static KairosServer server;
  private static ApiClient client;
  private static JsonNode document;
  private static Map<String, String> tokens;
  private static String negotiation;

  @BeforeAll
  static void start() throws Exception {
    Map<String, String> env =
        TestServerEnv.stagingWithoutRateLimits(
            com.kairos.postgres.testing.TestDatabase.createDatabase(), PROJECT);
    server = KairosServer.start(KairosConfig.from(env), Clock.systemUTC());
    String base = "http://127.0.0.1:" + server.port();
    client = new ApiClient(base);
    document = JSON.readTree(client.send("GET", "/openapi.json", Map.of(), null).text());
    tokens = new HashMap<>();
    for (String user : List.of("prop-alice", "prop-bob", "prop-carol")) {
      tokens.put(user, "Bearer " + TOKENS.sign(user, null));
    }
    SchemaSampler valid = new SchemaSampler(document, List.of("prop-bob", "prop-carol"), List.of());
    ObjectNode body =
        (ObjectNode) valid.sample(schemaOf("/negotiate/start", "post"), new Random(7));
    body.putArray("participant_ids").add("prop-bob").add("prop-carol");
    body.remove("state");
    body.remove("expires_at");
    Map<String, String> headers = new HashMap<>(auth("prop-alice"));
    headers.put("Content-Type", "application/json");
    Answer started = client.send("POST", "/negotiate/start", headers, body.toString());
    assertThat(started.status()).as(started.text() + body).isEqualTo(201);
    negotiation = started.data().get("id").asText();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void everyOperationAnswersOnlyWhatTheDocumentDeclares() {
    SchemaSampler sampler =
        new SchemaSampler(
            document, List.of("prop-alice", "prop-bob", "prop-carol"), List.of(negotiation));
    List<String[]> operations = new ArrayList<>();
    document
        .get("paths")
        .fields()
        .forEachRemaining(
            p ->
                p.getValue()
                    .fieldNames()
                    .forEachRemaining(m -> operations.add(new String[] {m, p.getKey()})));
    // Deleting the account last keeps the other operations' runs meaningful.
    operations.sort((a, b) -> Boolean.compare(isAccountDeletion(a), isAccountDeletion(b)));
    List<String> failures = new ArrayList<>();
    Map<String, TreeMap<Integer, Integer>> seen = new java.util.LinkedHashMap<>();
    long seed = 20261208L;
    for (String[] op : operations) {
      TreeMap<Integer, Integer> statuses =
          seen.computeIfAbsent(op[0].toUpperCase() + " " + op[1], k -> new TreeMap<>());
      for (int i = 0; i < TRIES; i++) {
        long caseSeed = seed ^ (op[0] + op[1]).hashCode() * 31L ^ i;
        Random r = new Random(caseSeed);
        String where = op[0].toUpperCase() + " " + op[1] + " (seed " + caseSeed + ")";
        try {
          Answer a = call(op[0], op[1], sampler, r);
          statuses.merge(a.status(), 1, Integer::sum);
          if (a.status() >= 500) {
            failures.add(where + ": " + a.status() + " " + a.text());
          }
        } catch (AssertionError e) {
          failures.add(where + ": " + e.getMessage().lines().limit(3).toList());
        }
      }
    }
    seen.forEach((op, statuses) -> System.out.println("properties: " + op + " " + statuses));
    assertThat(failures).isEmpty();
    assertThat(
            seen.values().stream()
                .mapToInt(
                    s -> s.getOrDefault(200, 0) + s.getOrDefault(201, 0) + s.getOrDefault(204, 0))
                .sum())
        .as("the run reaches successes, not only refusals")
        .isGreaterThan(operations.size() * TRIES / 4);
  }

  private static boolean isAccountDeletion(String[] op) {
    return op[0].equals("delete") && op[1].equals("/me");
  }

  /** One generated request to {@code method path}; the client holds the answer to the document. */
  private static Answer call(String method, String path, SchemaSampler sampler, Random r) {
    JsonNode op = document.get("paths").get(path).get(method);
    boolean broken = r.nextInt(3) == 0;
    String concrete = path;
    StringBuilder query = new StringBuilder();
    for (JsonNode p : op.get("parameters")) {
      JsonNode param = p.has("$ref") ? resolve(p.get("$ref").asText()) : p;
      String in = param.get("in").asText();
      String name = param.get("name").asText();
      String value = sampler.sample(param.get("schema"), r).asText();
      if (broken && r.nextInt(4) == 0) {
        value = SchemaSampler.pick(r, List.of("", "x", "-1", "9999999999999999999", "null", "%00"));
      }
      if (in.equals("path")) {
        concrete =
            concrete.replace("{" + name + "}", URLEncoder.encode(value, StandardCharsets.UTF_8));
      } else if (in.equals("query") && r.nextInt(3) == 0) {
        query
            .append(query.length() == 0 ? "?" : "&")
            .append(name)
            .append('=')
            .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
      }
    }
    String body = null;
    if (op.has("requestBody")) {
      JsonNode sample =
          sampler.sample(
              op.get("requestBody").get("content").get("application/json").get("schema"), r);
      body = (broken ? SchemaSampler.breakOne(sample, r) : sample).toString();
    }
    Map<String, String> headers = new HashMap<>();
    if (r.nextInt(10) > 0 || !broken) {
      headers.putAll(auth(SchemaSampler.pick(r, List.of("prop-alice", "prop-bob", "prop-carol"))));
    }
    if (body != null) {
      headers.put("Content-Type", "application/json");
    }
    return client.send(method.toUpperCase(), concrete + query, headers, body);
  }

  private static Map<String, String> auth(String user) {
    return Map.of("Authorization", tokens.get(user));
  }

  private static JsonNode schemaOf(String path, String method) {
    return document
        .get("paths")
        .get(path)
        .get(method)
        .get("requestBody")
        .get("content")
        .get("application/json")
        .get("schema");
  }

  private static JsonNode resolve(String ref) {
    JsonNode node = document;
    for (String part : ref.substring(2).split("/")) {
      node = node.get(part);
    }
    return node;
  }
}
