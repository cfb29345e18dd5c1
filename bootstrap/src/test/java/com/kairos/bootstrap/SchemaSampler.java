package com.kairos.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

/**
 * Values drawn from the OpenAPI document's own schemas, seeded: an instance of a schema (required
 * properties always, optional ones by chance, arrays within their bounds, one branch of an {@code
 * anyOf}), and named formats (ids, timestamps, blobs, user ids) from a table, since a regex is not
 * a generator. Mutations then break one thing at a time.
 */
final class SchemaSampler {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String PREFIX = "#/components/schemas/";
  private static final List<String> ZONES = List.of("Europe/Paris", "UTC", "America/New_York");

  private final JsonNode schemas;
  private final Map<String, Function<Random, JsonNode>> named;

  /**
   * @param users user ids a sampled body may name (invitees, participants)
   * @param ids ids a sampled body may refer to (existing negotiations), beside random ones
   */
  SchemaSampler(JsonNode document, List<String> users, List<String> ids) {
    this.schemas = document.get("components").get("schemas");
    this.named =
        Map.of(
            "Uuid", r -> NODES.textNode(r.nextInt(3) > 0 ? pick(r, ids) : uuid(r)),
            "UuidV4", r -> NODES.textNode(uuid(r)),
            "Timestamp", r -> NODES.textNode(timestamp(r)),
            "Blob", r -> NODES.textNode(blob(r)),
            "UserId", r -> NODES.textNode(pick(r, users)),
            "TimeZone", r -> NODES.textNode(pick(r, ZONES)));
  }

  /** An instance of {@code schema}. */
  JsonNode sample(JsonNode schema, Random r) {
    return sample(schema, r, 0);
  }

  private JsonNode sample(JsonNode schema, Random r, int depth) {
    JsonNode ref = schema.get("$ref");
    if (ref != null) {
      String name = ref.asText().substring(PREFIX.length());
      Function<Random, JsonNode> table = named.get(name);
      return table != null ? table.apply(r) : sample(schemas.get(name), r, depth + 1);
    }
    for (String keyword : List.of("anyOf", "oneOf")) {
      if (schema.has(keyword)) {
        JsonNode branches = schema.get(keyword);
        return sample(branches.get(r.nextInt(branches.size())), r, depth + 1);
      }
    }
    if (schema.has("enum")) {
      JsonNode values = schema.get("enum");
      return values.get(r.nextInt(values.size()));
    }
    String type = type(schema);
    return switch (type) {
      case "object" -> object(schema, r, depth);
      case "array" -> array(schema, r, depth);
      case "integer" -> NODES.numberNode(integer(schema, r));
      case "number" -> NODES.numberNode(number(schema, r));
      case "boolean" -> NODES.booleanNode(r.nextBoolean());
      case "null" -> NODES.nullNode();
      default -> NODES.textNode(text(schema, r));
    };
  }

  private ObjectNode object(JsonNode schema, Random r, int depth) {
    ObjectNode object = NODES.objectNode();
    JsonNode required = schema.path("required");
    schema
        .path("properties")
        .fields()
        .forEachRemaining(
            p -> {
              boolean must = false;
              for (JsonNode name : required) {
                must |= name.asText().equals(p.getKey());
              }
              if (must || (depth < 4 && r.nextInt(3) == 0)) {
                object.set(p.getKey(), sample(p.getValue(), r, depth + 1));
              }
            });
    return object;
  }

  private ArrayNode array(JsonNode schema, Random r, int depth) {
    int min = schema.path("minItems").asInt(0);
    int max = Math.min(schema.path("maxItems").asInt(3), Math.max(min, 3));
    ArrayNode array = NODES.arrayNode();
    boolean unique = schema.path("uniqueItems").asBoolean(false);
    for (int i = min + r.nextInt(max - min + 1), tries = 0; i > 0 && tries < 20; tries++) {
      JsonNode item = sample(schema.get("items"), r, depth + 1);
      boolean repeated = false;
      for (JsonNode existing : array) {
        repeated |= existing.equals(item);
      }
      if (!unique || !repeated) {
        array.add(item);
        i--;
      }
    }
    return array;
  }

  private static long integer(JsonNode schema, Random r) {
    long min = schema.path("minimum").asLong(0);
    long max = schema.path("maximum").asLong(min + 100);
    return min + (long) (r.nextDouble() * (Math.min(max, min + 1000) - min));
  }

  private static double number(JsonNode schema, Random r) {
    double min = schema.path("minimum").asDouble(-1000);
    double max = schema.path("maximum").asDouble(1000);
    return Math.round((min + r.nextDouble() * (max - min)) * 1000) / 1000.0;
  }

  private static String text(JsonNode schema, Random r) {
    int min = schema.path("minLength").asInt(1);
    int max = Math.min(schema.path("maxLength").asInt(24), 24);
    StringBuilder text = new StringBuilder();
    for (int i = Math.max(min, 1 + r.nextInt(Math.max(max, 1))); i > 0; i--) {
      text.append((char) ('a' + r.nextInt(26)));
    }
    return text.toString();
  }

  private static String type(JsonNode schema) {
    JsonNode type = schema.get("type");
    if (type == null) {
      return schema.has("properties") ? "object" : "string";
    }
    if (type.isArray()) {
      return type.get(0).asText(); // nullable: the value, not the null
    }
    return type.asText();
  }

  static String uuid(Random r) {
    return new UUID(
            r.nextLong() & 0xffffffffffff0fffL | 0x4000L,
            r.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L)
        .toString();
  }

  private static String timestamp(Random r) {
    Instant at =
        Instant.now()
            .plus(Duration.ofMinutes(60 + r.nextInt(60 * 24 * 20)))
            .truncatedTo(ChronoUnit.MINUTES);
    return r.nextBoolean()
        ? at.toString()
        : java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX")
            .format(at.atOffset(java.time.ZoneOffset.ofHoursMinutes(-9, -30)));
  }

  private static String blob(Random r) {
    byte[] bytes = new byte[1 + r.nextInt(64)];
    r.nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** {@code sample} with one thing broken: a field gone, one added, a wrong type or a bad value. */
  static JsonNode breakOne(JsonNode sample, Random r) {
    List<ObjectNode> objects = new java.util.ArrayList<>();
    collect(sample, objects);
    if (objects.isEmpty()) {
      return NODES.textNode("not an object");
    }
    ObjectNode target = pick(r, objects);
    List<String> names = new java.util.ArrayList<>();
    target.fieldNames().forEachRemaining(names::add);
    if (names.isEmpty() || r.nextInt(4) == 0) {
      target.put("unknown_field", 1);
      return sample;
    }
    String name = pick(r, names);
    switch (r.nextInt(4)) {
      case 0 -> target.remove(name);
      case 1 -> target.put(name, r.nextBoolean() ? 12345 : 1e300);
      case 2 ->
          target.put(
              name, pick(r, List.of("", " ", "\u0000", "x".repeat(300), "2027-13-01T00:00:00Z")));
      default -> target.putArray(name).add(true);
    }
    return sample;
  }

  private static void collect(JsonNode node, List<ObjectNode> objects) {
    if (node instanceof ObjectNode object) {
      objects.add(object);
    }
    node.forEach(child -> collect(child, objects));
  }

  static <T> T pick(Random r, List<T> values) {
    return values.get(r.nextInt(values.size()));
  }
}
