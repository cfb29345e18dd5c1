package com.kairos.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * The OpenAPI 3.1 document, built from the route table and the very JSON Schema files the validator
 * uses; every {@code $ref} is rewritten to {@code #/components/schemas/...}.
 */
final class OpenApiDocument {
  private static final String COMPONENTS = "#/components/schemas/";

  private OpenApiDocument() {}

  static String render(java.util.List<Route> routes) {
    ObjectNode doc = Json.MAPPER.createObjectNode();
    doc.put("openapi", "3.1.0");
    doc.put("jsonSchemaDialect", "https://json-schema.org/draft/2020-12/schema");
    ObjectNode info = doc.putObject("info");
    info.put("title", "Kairos Amiqo API");
    info.put("version", HttpApi.API_VERSION);
    info.put(
        "description",
        "Friends negotiate a meetup. Personal content travels as client-encrypted blobs the server"
            + " never reads. Errors use one envelope: {error: {code, message, details}}.");
    doc.putArray("servers").addObject().put("url", "/");
    ObjectNode components = doc.putObject("components");
    ObjectNode security = components.putObject("securitySchemes").putObject("firebase");
    security.put("type", "http");
    security.put("scheme", "bearer");
    security.put("bearerFormat", "Firebase ID token (JWT)");
    ObjectNode schemas = components.putObject("schemas");
    copyDefs(schemas, "common.json");
    copyDefs(schemas, "responses.json");
    for (String file : RequestSchemas.FILES) {
      if (!file.equals("common.json")) {
        ObjectNode schema = (ObjectNode) read(file);
        schema.remove("$schema");
        schema.remove("$id");
        schemas.set(schema.get("title").asText(), rewriteRefs(schema));
      }
    }
    ObjectNode parameters = components.putObject("parameters");
    header(parameters, "RequestId", "X-Request-Id", "Echoed when sane (1-128 of [A-Za-z0-9._-]).");
    header(parameters, "ApiVersion", "Kairos-API-Version", "Absent or 1.");
    ObjectNode paths = doc.putObject("paths");
    for (Route route : routes) {
      ObjectNode path =
          paths.has(route.path())
              ? (ObjectNode) paths.get(route.path())
              : paths.putObject(route.path());
      path.set(route.method().name().toLowerCase(Locale.ROOT), operation(route));
    }
    try {
      return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode operation(Route route) {
    ObjectNode op = Json.MAPPER.createObjectNode();
    op.put("operationId", operationId(route));
    op.put("summary", route.summary());
    if (route.authenticated()) {
      op.putArray("security").addObject().putArray("firebase");
    }
    ArrayNode params = op.putArray("parameters");
    params.addObject().put("$ref", "#/components/parameters/RequestId");
    params.addObject().put("$ref", "#/components/parameters/ApiVersion");
    if (route.path().contains("{id}")) {
      ObjectNode id = params.addObject();
      id.put("name", "id");
      id.put("in", "path");
      id.put("required", true);
      id.putObject("schema").put("$ref", COMPONENTS + "Uuid");
    }
    for (String q : route.queryParams()) {
      ObjectNode p = params.addObject();
      p.put("name", q);
      p.put("in", "query");
      p.put("required", false);
      p.set("schema", querySchema(q));
    }
    if (route.requestSchema() != null) {
      ObjectNode body = op.putObject("requestBody");
      body.put("required", true);
      String title = read(route.requestSchema()).get("title").asText();
      body.putObject("content")
          .putObject("application/json")
          .putObject("schema")
          .put("$ref", COMPONENTS + title);
    }
    ObjectNode responses = op.putObject("responses");
    ObjectNode ok = responses.putObject(String.valueOf(route.successStatus()));
    ok.put("description", "Success");
    ObjectNode okSchema = ok.putObject("content").putObject("application/json").putObject("schema");
    if (route.responseSchema() == null) {
      okSchema.put("type", "object");
    } else {
      okSchema.put("type", "object");
      okSchema.putArray("required").add("data").add("meta");
      ObjectNode props = okSchema.putObject("properties");
      String name = route.responseSchema();
      if (name.endsWith("[]")) {
        ObjectNode data = props.putObject("data");
        data.put("type", "array");
        data.putObject("items").put("$ref", COMPONENTS + name.substring(0, name.length() - 2));
      } else {
        props.putObject("data").put("$ref", COMPONENTS + name);
      }
      props.putObject("meta").put("$ref", COMPONENTS + route.metaSchema());
    }
    if (route.path().equals("/negotiations/{id}")) {
      responses
          .putObject("304")
          .put("description", "Not modified (If-None-Match matched the ETag)");
    }
    if (route.method().name().equals("POST") && route.path().equals("/negotiate/start")) {
      responses
          .putObject("200")
          .put(
              "description",
              "Offline retry of the same request: the stored negotiation (Idempotent-Replayed: true)")
          .putObject("content")
          .putObject("application/json")
          .putObject("schema")
          .put("$ref", COMPONENTS + "Negotiation");
    }
    for (int status : route.errorStatuses()) {
      error(responses, status);
    }
    error(responses, 500);
    if (!route.path().equals("/health")
        && !route.path().equals("/version")
        && !route.path().equals("/openapi.json")) {
      error(responses, 405);
    }
    return op;
  }

  private static void error(ObjectNode responses, int status) {
    ObjectNode r = responses.putObject(String.valueOf(status));
    r.put("description", describe(status));
    r.putObject("content")
        .putObject("application/json")
        .putObject("schema")
        .put("$ref", COMPONENTS + "Error");
  }

  private static String describe(int status) {
    switch (status) {
      case 400:
        return "validation_error: the request is malformed (details.field, details.reason)";
      case 401:
        return "authentication_error (details.reason; WWW-Authenticate: Bearer)";
      case 403:
        return "authorization_error (details.resource_type, details.resource_id)";
      case 404:
        return "not_found (details.resource_type, details.resource_id)";
      case 405:
        return "method_not_allowed";
      case 409:
        return "conflict_error (details.reason)";
      case 413:
        return "payload_too_large (details.max_bytes)";
      case 415:
        return "unsupported_media_type";
      case 422:
        return "validation_error: a rule the schema cannot see (details.field, details.reason)";
      case 429:
        return "rate_limit_exceeded (details.retry_after_seconds; Retry-After)";
      case 503:
        return "service_unavailable (details.dependency; Retry-After)";
      default:
        return "internal_error (details.request_id)";
    }
  }

  private static JsonNode querySchema(String name) {
    ObjectNode s = Json.MAPPER.createObjectNode();
    switch (name) {
      case "limit":
        s.put("type", "integer").put("minimum", 1).put("maximum", 100).put("default", 20);
        break;
      case "awaiting_me":
        s.put("type", "boolean");
        break;
      case "updated_after":
      case "after":
        s.put("$ref", COMPONENTS + "Timestamp");
        break;
      case "role":
        s.put("$ref", COMPONENTS + "ParticipantRole");
        break;
      case "status":
        s.put("type", "string");
        s.putArray("enum").add("confirmed").add("cancelled");
        break;
      case "state":
        s.put("type", "string");
        s.put("description", "Comma-separated list of draft, active, finalized, cancelled");
        break;
      default:
        s.put("type", "string");
    }
    return s;
  }

  private static void header(ObjectNode parameters, String key, String name, String description) {
    ObjectNode p = parameters.putObject(key);
    p.put("name", name);
    p.put("in", "header");
    p.put("required", false);
    p.put("description", description);
    p.putObject("schema").put("type", "string");
  }

  private static String operationId(Route route) {
    StringBuilder id = new StringBuilder(route.method().name().toLowerCase(Locale.ROOT));
    for (String part : route.path().split("[/._{}-]+")) {
      if (!part.isEmpty()) {
        id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return id.toString();
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
      node.forEach(OpenApiDocument::rewriteRefs);
    }
    return node;
  }

  private static JsonNode read(String file) {
    try {
      return Json.MAPPER.readTree(RequestSchemas.resource(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
