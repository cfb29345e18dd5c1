package com.kairos.http.platform;

import static com.kairos.http.platform.OpenApiSchemas.COMPONENTS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Makes every schema a response uses forward compatible, while request schemas stay strict: an app
 * generated from today's document must decode what a later v1 server sends. Response objects accept
 * unknown fields (no {@code additionalProperties: false}); every enum a response uses becomes open,
 * {@code anyOf: [the known values, any string]}, the form swift-openapi-generator turns into a type
 * holding either a known case or the raw string; a nullable value is never required, so every
 * generator reads it as optional.
 */
final class OpenApiEvolution {
  /** The suffix of the open form of an enum component, e.g. {@code NegotiationStateValue}. */
  static final String OPEN_SUFFIX = "Value";

  private OpenApiEvolution() {}

  /** Opens the schemas reachable from the responses of {@code paths}, in {@code schemas}. */
  static void openResponses(ObjectNode schemas, JsonNode paths) {
    List<JsonNode> roots = new ArrayList<>();
    paths.forEach(path -> path.forEach(op -> roots.add(op.get("responses"))));
    for (String name : reachable(roots, schemas)) {
      ObjectNode schema = (ObjectNode) schemas.get(name);
      if (!schema.has("enum")) {
        open(schema, schemas);
      }
    }
  }

  /** Names of the component schemas {@code roots} refer to, directly or through others. */
  static Set<String> reachable(List<JsonNode> roots, ObjectNode schemas) {
    Set<String> names = new HashSet<>();
    ArrayDeque<JsonNode> pending = new ArrayDeque<>(roots);
    while (!pending.isEmpty()) {
      JsonNode node = pending.pop();
      String name = refName(node);
      if (name != null && names.add(name) && schemas.has(name)) {
        pending.add(schemas.get(name));
      }
      node.forEach(pending::add);
    }
    names.retainAll(asSet(schemas));
    return names;
  }

  private static void open(ObjectNode node, ObjectNode schemas) {
    JsonNode additional = node.get("additionalProperties");
    if (additional != null && additional.isBoolean() && !additional.booleanValue()) {
      node.remove("additionalProperties");
    }
    if (node.get("properties") instanceof ObjectNode properties
        && node.get("required") instanceof ArrayNode required) {
      for (int i = required.size() - 1; i >= 0; i--) {
        if (nullable(properties.path(required.get(i).asText()))) {
          required.remove(i);
        }
      }
    }
    if (node.has("enum") || isNullableKnownValues(node)) {
      openInlineEnum(node);
      return;
    }
    String ref = refName(node);
    if (ref != null && schemas.get(ref) != null && schemas.get(ref).has("enum")) {
      node.put("$ref", COMPONENTS + openEnum(ref, schemas));
      return;
    }
    for (JsonNode child : node) {
      if (child instanceof ObjectNode object) {
        open(object, schemas);
      } else if (child.isArray()) {
        for (JsonNode item : child) {
          if (item instanceof ObjectNode object) {
            open(object, schemas);
          }
        }
      }
    }
  }

  /** The open form of enum component {@code name}, created on first use. */
  private static String openEnum(String name, ObjectNode schemas) {
    String open = name + OPEN_SUFFIX;
    if (!schemas.has(open)) {
      ObjectNode wrapper = schemas.putObject(open);
      wrapper.put(
          "description",
          "A "
              + name
              + ", or a value added after this client was generated: keep it, show a"
              + " neutral fallback.");
      ArrayNode anyOf = wrapper.putArray("anyOf");
      anyOf.addObject().put("$ref", COMPONENTS + name);
      anyOf.addObject().put("type", "string");
    }
    return open;
  }

  /** {@code {type: string, enum: [...]}} in place becomes {@code anyOf: [that, any string]}. */
  private static void openInlineEnum(ObjectNode node) {
    if (isNullableKnownValues(node)) {
      // A nullable enum is already a plain string or null (generators refuse null in an enum);
      // the pattern that listed the values is what closed it.
      node.remove("pattern");
      node.put(
          "description",
          node.path("description").asText() + " A later server may send other values.");
      return;
    }
    ObjectNode known = node.deepCopy();
    known.remove("description");
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    keys.stream().filter(k -> !k.equals("description")).forEach(node::remove);
    ArrayNode anyOf = node.putArray("anyOf");
    anyOf.add(known);
    anyOf.addObject().put("type", "string");
  }

  /** A nullable enum as {@link OpenApiSchemas} writes it: a string pattern {@code ^(a|b)$}. */
  private static boolean isNullableKnownValues(JsonNode node) {
    return nullable(node) && node.path("pattern").asText().matches("\\^\\([a-z_|]+\\)\\$");
  }

  private static boolean nullable(JsonNode schema) {
    JsonNode type = schema.get("type");
    if (type == null || !type.isArray()) {
      return false;
    }
    for (JsonNode t : type) {
      if ("null".equals(t.asText())) {
        return true;
      }
    }
    return false;
  }

  private static String refName(JsonNode node) {
    JsonNode ref = node.get("$ref");
    return ref != null && ref.isTextual() && ref.asText().startsWith(COMPONENTS)
        ? ref.asText().substring(COMPONENTS.length())
        : null;
  }

  private static Set<String> asSet(ObjectNode schemas) {
    Set<String> names = new HashSet<>();
    schemas.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
