package com.kairos.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kairos.bench.Bench.Seeded;
import com.kairos.firebase.testing.TestTokens;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * The scenarios' requests ({@link Bench}): what each scenario sends next, the versions the reply
 * scenario follows, and the signed tokens of the bench's users.
 */
final class Scenarios {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String BLOB = "ZW5jcnlwdGVkIHByb3Bvc2FsIGZvciBiZW5jaG1hcmtz";

  private final TestTokens tokens = new TestTokens(Bench.PROJECT);
  private final Map<String, String> tokenCache = new ConcurrentHashMap<>();
  private final Map<String, Long> versions = new ConcurrentHashMap<>();

  Function<ThreadLocalRandom, Load.Call> next(String scenario, Seeded s, int level) {
    switch (scenario) {
      case "get":
        return r -> get("/negotiations/" + s.readable().get(r.nextInt(s.readable().size())));
      case "list":
        return r -> get("/negotiations?limit=20");
      case "upcoming":
        return r -> get("/events/upcoming");
      case "start":
        return r -> {
          String owner = "bench-owner-" + r.nextInt(100);
          return new Load.Call(
              "POST",
              "/negotiate/start",
              token(owner),
              startBody(
                  UUID.randomUUID(),
                  List.of(
                      "bench-friend-" + r.nextInt(1000),
                      "bench-friend-" + (1000 + r.nextInt(1000))),
                  Instant.now().plus(Duration.ofDays(2 + r.nextInt(20)))));
        };
      case "reply":
        List<String> set = s.replySets().get(level);
        return r -> {
          int k = r.nextInt(set.size());
          String id = set.get(k);
          String user = "bench-g" + level + "-" + k + "-" + (1 + r.nextInt(9));
          StringBuilder body = new StringBuilder("{\"negotiation_id\": \"" + id + "\"");
          Long version = versions.get(id);
          if (version != null && r.nextBoolean()) {
            body.append(", \"expected_version\": ").append(version);
          }
          if (r.nextInt(100) < 15) {
            body.append(", \"action\": \"counter\", \"counter_payload\": \"")
                .append(BLOB)
                .append("\", \"counter_slots\": [{\"starts_at\": \"")
                .append(
                    Instant.now()
                        .plus(Duration.ofDays(3 + r.nextInt(30)))
                        .truncatedTo(java.time.temporal.ChronoUnit.MINUTES))
                .append("\"}]");
          } else {
            body.append(", \"action\": \"accept\"");
          }
          return new Load.Call(
              "POST", "/negotiate/reply", token(user), body.append('}').toString());
        };
      default:
        throw new IllegalArgumentException(scenario);
    }
  }

  java.util.function.BiConsumer<Load.Call, HttpResponse<String>> observe(Seeded s) {
    return (call, response) -> {
      if (call.path().equals("/negotiate/reply") && response.statusCode() == 200) {
        try {
          JsonNode data = JSON.readTree(response.body()).get("data");
          versions.merge(data.get("id").asText(), data.get("version").asLong(), Math::max);
        } catch (IOException e) {
          // ignore
        }
      }
    };
  }

  Load.Call get(String path) {
    return new Load.Call("GET", path, token(Bench.READER), null);
  }

  String token(String user) {
    return tokenCache.computeIfAbsent(user, u -> tokens.sign(u, null));
  }

  static String startBody(UUID id, List<String> invitees, Instant start) {
    StringBuilder ids = new StringBuilder();
    for (String i : invitees) {
      ids.append(ids.length() == 0 ? "" : ",").append('"').append(i).append('"');
    }
    return "{\"id\": \""
        + id
        + "\", \"intent_category\": \"dinner\", \"participant_ids\": ["
        + ids
        + "], \"proposed_slots\": [{\"starts_at\": \""
        + start.truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
        + "\"}, {\"starts_at\": \""
        + start.plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
        + "\"}, {\"starts_at\": \""
        + start.plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
        + "\"}], \"proposed_venues\": [{\"name\": \"Somewhere\"}, {\"latitude\": 1.5, \"longitude\": 2.5}],"
        + " \"encrypted_payload\": \""
        + BLOB
        + "\"}";
  }
}
