package com.kairos.http.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kairos.http.json.Json;
import com.kairos.http.route.Envelope;
import com.kairos.http.route.Route;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The OpenAPI 3.1 document, built from the route table and the very JSON Schema files the validator
 * uses, in the subset Apple's swift-openapi-generator and openapi-typescript turn into working
 * clients: named schemas for every body, nullable as {@code type: [T, "null"]}, no {@code not},
 * every status and response header an operation can produce. {@code OpenApiSubsetTest} keeps it so.
 */
public final class OpenApiDocument {
  private OpenApiDocument() {}

  /** The document for {@code routes}, as pretty-printed JSON. */
  public static String render(List<Route> routes) {
    ObjectNode doc = Json.mapper().createObjectNode();
    doc.put("openapi", "3.1.0");
    doc.put("jsonSchemaDialect", "https://json-schema.org/draft/2020-12/schema");
    ObjectNode info = doc.putObject("info");
    info.put("title", "Kairos Amiqo API");
    info.put("version", Envelope.API_VERSION);
    info.put(
        "description",
        "Friends negotiate a meetup. Personal content travels as client-encrypted blobs the server"
            + " never reads. Every response is {data, meta} or {error: {code, message, details}}."
            + " Timestamps out are always UTC with exactly three fractional digits"
            + " (2026-11-25T06:01:10.114Z); any RFC 3339 offset is accepted in.");
    info.putObject("license")
        .put("name", "Proprietary")
        .put("identifier", "LicenseRef-Proprietary");
    doc.putArray("servers").addObject().put("url", "/");
    ArrayNode tags = doc.putArray("tags");
    tag(tags, "negotiations", "Start, answer and read negotiations");
    tag(tags, "events", "Calendar events: finalized negotiations and manual ones");
    tag(tags, "profile", "The caller's own profile, account export and deletion");
    tag(tags, "devices", "The caller's devices, for push notifications");
    tag(tags, "operations", "Health, readiness, version, this document and metrics");
    ObjectNode components = doc.putObject("components");
    ObjectNode security = components.putObject("securitySchemes").putObject("firebase");
    security.put("type", "http");
    security.put("scheme", "bearer");
    security.put("bearerFormat", "Firebase ID token (JWT)");
    components.set("schemas", OpenApiSchemas.all());
    OpenApiOperations.components(components);
    ObjectNode paths = doc.putObject("paths");
    for (Route route : routes) {
      ObjectNode path =
          paths.has(route.path())
              ? (ObjectNode) paths.get(route.path())
              : paths.putObject(route.path());
      path.set(route.method().name().toLowerCase(Locale.ROOT), OpenApiOperations.of(route));
    }
    OpenApiEvolution.openResponses((ObjectNode) components.get("schemas"), paths);
    pruneUnused((ObjectNode) components.get("schemas"), doc);
    try {
      return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Drops schemas nothing refers to any more (those inlined as nullable values). */
  private static void pruneUnused(ObjectNode schemas, ObjectNode doc) {
    List<JsonNode> roots = new ArrayList<>();
    doc.fields()
        .forEachRemaining(
            f -> {
              if (!f.getKey().equals("components")) {
                roots.add(f.getValue());
              }
            });
    doc.get("components")
        .fields()
        .forEachRemaining(
            f -> {
              if (!f.getKey().equals("schemas")) {
                roots.add(f.getValue());
              }
            });
    Set<String> used = OpenApiEvolution.reachable(roots, schemas);
    List<String> unused = new ArrayList<>();
    schemas.fieldNames().forEachRemaining(unused::add);
    unused.removeAll(used);
    schemas.remove(unused);
  }

  private static void tag(ArrayNode tags, String name, String description) {
    tags.addObject().put("name", name).put("description", description);
  }
}
