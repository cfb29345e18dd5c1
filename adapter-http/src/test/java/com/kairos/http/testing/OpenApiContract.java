package com.kairos.http.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Holds every response a test receives to the OpenAPI document the server serves: the operation
 * (method and path template) must list the status, and the body must validate against the named
 * schema of that status and content type. A status or body the document does not describe fails the
 * test. Every timestamp in a body must have the API's one format.
 *
 * <p>The served document is open (unknown fields and enum values allowed, so that old apps decode
 * new answers); the contract closes it again before validating, so a test still fails when the
 * server sends a field or value the document does not name.
 */
public final class OpenApiContract {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ROOT = "https://contract.kairos.test/openapi.json";
  private static final Pattern TIMESTAMPISH = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:.*");
  private static final Pattern TIMESTAMP =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");

  private final JsonNode paths;
  private final SchemaRegistry registry;
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

  /** The contract as the server answers today: the document closed again (see {@link #close}). */
  public OpenApiContract(String document) {
    this(document, true);
  }

  /** The document as served, open to additions: what an app generated from it accepts. */
  public static OpenApiContract asServed(String document) {
    return new OpenApiContract(document, false);
  }

  private OpenApiContract(String document, boolean closed) {
    try {
      JsonNode doc = JSON.readTree(document);
      this.paths = doc.get("paths");
      ObjectNode root = JSON.createObjectNode();
      root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
      root.put("$id", ROOT);
      JsonNode defs = pointAtDefs(doc.get("components").get("schemas").deepCopy());
      root.set("$defs", closed ? close(defs) : defs);
      String text = JSON.writeValueAsString(root);
      this.registry =
          SchemaRegistry.withDefaultDialect(
              SpecificationVersion.DRAFT_2020_12, b -> b.schemas(Map.of(ROOT, text)));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("the served OpenAPI document is not JSON", e);
    }
  }

  /** Fails when the response is not what the document says {@code method path} answers. */
  public void check(String method, String pathAndQuery, ApiClient.Answer answer) {
    String path = pathAndQuery.split("\\?", 2)[0];
    JsonNode operation = operation(method.toLowerCase(Locale.ROOT), path);
    if (operation == null) {
      return; // unknown routes and wrong methods are no operation of the document
    }
    String where = method + " " + path + " " + answer.status();
    JsonNode response = operation.get("responses").get(String.valueOf(answer.status()));
    assertThat(response).as("%s is not documented: %s", where, answer.text()).isNotNull();
    assertThat(answer.header("X-Request-Id")).as(where + " X-Request-Id").isNotBlank();
    JsonNode content = response.get("content");
    if (content == null) {
      assertThat(answer.text()).as(where + " has no body").isNullOrEmpty();
      return;
    }
    String type = answer.header("Content-Type");
    assertThat(type).as(where + " content type").isNotNull();
    String mediaType = type.split(";", 2)[0].strip();
    JsonNode media = content.get(mediaType);
    assertThat(media).as("%s answered %s, undocumented", where, mediaType).isNotNull();
    if (!mediaType.equals("application/json")) {
      return;
    }
    String ref = media.get("schema").get("$ref").asText();
    String name = ref.substring(ref.lastIndexOf('/') + 1);
    List<Error> errors = errors(name, answer.json());
    assertThat(errors).as("%s does not match %s: %s", where, name, answer.text()).isEmpty();
    List<String> badTimes = new ArrayList<>();
    timestamps(answer.json(), badTimes);
    assertThat(badTimes).as(where + " timestamps must be ...SS.SSSZ").isEmpty();
  }

  /** What schema {@code name} of the document finds wrong with {@code json}; empty when valid. */
  public List<Error> errors(String name, JsonNode json) {
    Schema schema =
        schemas.computeIfAbsent(
            name,
            n -> {
              Schema s = registry.getSchema(SchemaLocation.of(ROOT + "#/$defs/" + n));
              s.initializeValidators();
              return s;
            });
    return schema.validate(json, ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true)));
  }

  private JsonNode operation(String method, String path) {
    JsonNode templated = null;
    Iterator<Map.Entry<String, JsonNode>> all = paths.fields();
    while (all.hasNext()) {
      Map.Entry<String, JsonNode> entry = all.next();
      String template = entry.getKey();
      if (template.equals(path)) {
        return entry.getValue().get(method);
      }
      if (template.contains("{")
          && path.matches(template.replaceAll("\\{[^/]+}", "[^/]+").replace(".", "\\."))) {
        templated = entry.getValue().get(method);
      }
    }
    return templated;
  }

  private static void timestamps(JsonNode node, List<String> bad) {
    if (node == null) {
      return;
    }
    if (node.isTextual()) {
      String text = node.textValue();
      if (TIMESTAMPISH.matcher(text).matches() && !TIMESTAMP.matcher(text).matches()) {
        bad.add(text);
      }
    }
    node.forEach(child -> timestamps(child, bad));
  }

  private static final Pattern KNOWN_VALUES = Pattern.compile("One of ([a-z_, ]+), or null\\..*");

  /**
   * The document as the server promises to answer today: objects with named properties refuse
   * others, an open enum ({@code anyOf: [known, any string]}) is its known values, and a nullable
   * enum (a string described as "One of a, b, or null.") is one of its values or null.
   */
  static JsonNode close(JsonNode node) {
    if (node instanceof ObjectNode object) {
      if (object.has("properties") && !object.has("additionalProperties")) {
        object.put("additionalProperties", false);
      }
      JsonNode anyOf = object.get("anyOf");
      if (anyOf != null
          && anyOf.size() == 2
          && anyOf.get(1).size() == 1
          && "string".equals(anyOf.get(1).path("type").asText())) {
        object.remove("anyOf");
        object.setAll((ObjectNode) anyOf.get(0));
      }
      var known = KNOWN_VALUES.matcher(object.path("description").asText());
      if (object.path("type").isArray() && known.matches()) {
        object.put("pattern", "^(" + known.group(1).replace(", ", "|") + ")$");
      }
    }
    node.forEach(OpenApiContract::close);
    return node;
  }

  private static JsonNode pointAtDefs(JsonNode node) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (field.getKey().equals("$ref") && field.getValue().isTextual()) {
          field.setValue(
              new TextNode(field.getValue().asText().replace("#/components/schemas/", "#/$defs/")));
        } else {
          pointAtDefs(field.getValue());
        }
      }
    } else if (node.isArray()) {
      node.forEach(OpenApiContract::pointAtDefs);
    }
    return node;
  }
}
