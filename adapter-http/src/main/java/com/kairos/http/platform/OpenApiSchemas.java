package com.kairos.http.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.kairos.http.json.Json;
import com.kairos.http.json.RequestSchemas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The component schemas of the OpenAPI document, read from the very JSON Schema files the validator
 * uses and rewritten into the subset client generators (Apple's swift-openapi-generator above all)
 * understand: every {@code $ref} points into {@code #/components/schemas}, and a nullable value
 * written {@code oneOf: [X, {type: null}]} in the source becomes X itself with {@code type: [T,
 * "null"]} (and {@code null} among its enum values), the form OpenAPI 3.1 clients decode. Response
 * envelopes get names of their own.
 */
final class OpenApiSchemas {
  static final String COMPONENTS = "#/components/schemas/";

  private OpenApiSchemas() {}

  /** Every schema of the API, by name. */
  static ObjectNode all() {
    ObjectNode schemas = Json.mapper().createObjectNode();
    copyDefs(schemas, "common.json");
    // The validator checks a timestamp's shape with a pattern and JsonTime its ranges (a format
    // assertion would stop at offsets of 18 hours); the document says date-time, and no pattern
    // beside it, which some generators (openapi-generator's python) read as a plain string.
    ObjectNode timestamp = (ObjectNode) schemas.get("Timestamp");
    timestamp.remove("pattern");
    timestamp.put("format", "date-time");
    timestamp.put(
        "description",
        "RFC 3339 date-time. Any offset is accepted in (-23:59 to +23:59); out, always UTC with"
            + " exactly three fractional digits and Z, e.g. 2026-11-25T06:01:10.114Z.");
    copyDefs(schemas, "responses.json");
    for (String file : RequestSchemas.FILES) {
      if (!file.equals("common.json")) {
        ObjectNode schema = (ObjectNode) read(file);
        schema.remove("$schema");
        schema.remove("$id");
        schemas.set(schema.get("title").asText(), rewriteRefs(schema));
      }
    }
    ObjectNode error = (ObjectNode) schemas.remove("Error");
    schemas.set("ErrorResponse", error);
    error.put("description", "The error envelope: never a stack trace, SQL, token or blob.");
    ObjectNode body = (ObjectNode) error.get("properties").get("error");
    schemas.set("ErrorDetails", body.get("properties").get("details"));
    ((ObjectNode) body.get("properties"))
        .putObject("details")
        .put("$ref", COMPONENTS + "ErrorDetails");
    schemas.set("ErrorBody", body);
    ((ObjectNode) error.get("properties")).putObject("error").put("$ref", COMPONENTS + "ErrorBody");
    envelope(schemas, "NegotiationResponse", "Negotiation", false, "Meta");
    envelope(schemas, "NegotiationListResponse", "NegotiationSummary", true, "ListMeta");
    envelope(schemas, "ActivityListResponse", "ActivityEntry", true, "ListMeta");
    envelope(schemas, "EventResponse", "Event", false, "Meta");
    envelope(schemas, "EventListResponse", "Event", true, "ListMeta");
    envelope(schemas, "UpcomingEventsResponse", "Event", true, "CountMeta");
    envelope(schemas, "ProfileResponse", "Profile", false, "Meta");
    envelope(schemas, "DeviceResponse", "Device", false, "Meta");
    envelope(schemas, "DeviceListResponse", "Device", true, "CountMeta");
    envelope(schemas, "HealthResponse", "Health", false, "Meta");
    envelope(schemas, "ReadyResponse", "Ready", false, "Meta");
    envelope(schemas, "VersionResponse", "Version", false, "Meta");
    schemas.putObject("OpenApiDocument").put("type", "object").put("description", "This document.");
    schemas
        .putObject("MetricsText")
        .put("type", "string")
        .put("description", "Prometheus text exposition format 0.0.4.");
    List<String> names = new ArrayList<>();
    schemas.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      schemas.set(name, nullables(schemas.get(name), schemas));
    }
    return schemas;
  }

  private static void envelope(
      ObjectNode schemas, String name, String data, boolean list, String meta) {
    ObjectNode e = schemas.putObject(name);
    e.put("type", "object");
    e.put("additionalProperties", false);
    e.putArray("required").add("data").add("meta");
    ObjectNode props = e.putObject("properties");
    if (list) {
      ObjectNode items = props.putObject("data").put("type", "array").putObject("items");
      items.put("$ref", COMPONENTS + data);
    } else {
      props.putObject("data").put("$ref", COMPONENTS + data);
    }
    props.putObject("meta").put("$ref", COMPONENTS + meta);
  }

  /** {@code oneOf/anyOf: [X, {type: null}]} becomes X with null allowed, recursively. */
  private static JsonNode nullables(JsonNode node, ObjectNode schemas) {
    if (node.isArray()) {
      ArrayNode array = (ArrayNode) node;
      for (int i = 0; i < array.size(); i++) {
        array.set(i, nullables(array.get(i), schemas));
      }
      return array;
    }
    if (!node.isObject()) {
      return node;
    }
    ObjectNode object = (ObjectNode) node;
    for (String keyword : List.of("oneOf", "anyOf")) {
      JsonNode branches = object.get(keyword);
      if (branches != null && branches.size() == 2 && isNull(branches.get(1))) {
        ObjectNode nullable = resolve(branches.get(0), schemas).deepCopy();
        object.remove(keyword);
        object.setAll(nullable);
        allowNull(object);
      }
    }
    List<String> fields = new ArrayList<>();
    object.fieldNames().forEachRemaining(fields::add);
    for (String field : fields) {
      object.set(field, nullables(object.get(field), schemas));
    }
    return object;
  }

  private static boolean isNull(JsonNode branch) {
    return branch.size() == 1 && "null".equals(branch.path("type").asText());
  }

  private static ObjectNode resolve(JsonNode schema, ObjectNode schemas) {
    JsonNode ref = schema.get("$ref");
    if (ref == null) {
      return (ObjectNode) schema;
    }
    return resolve(schemas.get(ref.asText().substring(COMPONENTS.length())), schemas);
  }

  private static void allowNull(ObjectNode schema) {
    JsonNode type = schema.get("type");
    if (type != null && type.isTextual()) {
      schema.putArray("type").add(type.asText()).add("null");
    }
    // swift-openapi-generator refuses an enum that lists null, and an enum without null refuses
    // the null the type allows: a nullable enum becomes a string pattern (Swift sees String?).
    if (schema.remove("enum") instanceof ArrayNode values) {
      List<String> names = new ArrayList<>();
      values.forEach(v -> names.add(v.asText()));
      schema.put("pattern", "^(" + String.join("|", names) + ")$");
      schema.put("description", "One of " + String.join(", ", names) + ", or null.");
    }
  }

  private static void copyDefs(ObjectNode schemas, String file) {
    Iterator<Map.Entry<String, JsonNode>> defs = read(file).get("$defs").fields();
    while (defs.hasNext()) {
      Map.Entry<String, JsonNode> def = defs.next();
      schemas.set(def.getKey(), rewriteRefs(def.getValue()));
    }
  }

  /** Points every $ref at the components section. */
  private static JsonNode rewriteRefs(JsonNode node) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (field.getKey().equals("$ref") && field.getValue().isTextual()) {
          String ref = field.getValue().asText();
          field.setValue(new TextNode(COMPONENTS + ref.substring(ref.lastIndexOf('/') + 1)));
        } else {
          rewriteRefs(field.getValue());
        }
      }
    } else if (node.isArray()) {
      node.forEach(OpenApiSchemas::rewriteRefs);
    }
    return node;
  }

  static JsonNode read(String file) {
    try {
      return Json.mapper().readTree(RequestSchemas.resource(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
