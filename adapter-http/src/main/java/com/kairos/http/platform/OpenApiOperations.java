package com.kairos.http.platform;

import static com.kairos.http.platform.OpenApiSchemas.COMPONENTS;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kairos.http.json.Json;
import com.kairos.http.route.Envelope;
import com.kairos.http.route.Route;
import java.util.List;
import java.util.TreeSet;

/**
 * One operation of the OpenAPI document: a Swift-friendly {@code operationId}, a tag, the
 * parameters, the body and every status the route can answer, each with its named schema and the
 * response headers it sets.
 */
final class OpenApiOperations {
  private OpenApiOperations() {}

  /** Parameters and headers shared by the operations. */
  static void components(ObjectNode components) {
    ObjectNode parameters = components.putObject("parameters");
    header(
        parameters.putObject("RequestId"),
        "X-Request-Id",
        "Echoed when sane (1-128 of [A-Za-z0-9._-]), else generated.");
    header(
            parameters.putObject("ApiVersion"),
            "Kairos-API-Version",
            "Absent or 1; any other value is a 400.")
        .putArray("enum")
        .add(Envelope.API_VERSION);
    header(
        parameters.putObject("IfNoneMatch"),
        "If-None-Match",
        "The ETag of a copy the client holds; 304 when it is current.");
    ObjectNode headers = components.putObject("headers");
    responseHeader(headers, "RequestId", "The request id, also in every log line of the request.");
    responseHeader(headers, "ApiVersion", "The API version that answered: 1.");
    responseHeader(headers, "CacheControl", "no-store: no response may be cached.");
    responseHeader(
        headers, "Allow", "The methods the path accepts, e.g. \"GET, POST\" (405 only).");
    responseHeader(headers, "ETag", "\"<version>\" of the negotiation.");
    responseHeader(headers, "IdempotentReplayed", "true when a start was an offline retry.");
    responseHeader(headers, "WWWAuthenticate", "Bearer");
    responseHeader(
        headers,
        "ContentDisposition",
        "attachment; filename=\"kairos-export-<yyyy-mm-dd>.json\" (the UTC date).");
    headers
        .putObject("RetryAfter")
        .put("description", "Seconds to wait before retrying.")
        .putObject("schema")
        .put("type", "integer");
  }

  static ObjectNode of(Route route) {
    ObjectNode op = Json.mapper().createObjectNode();
    op.put("operationId", route.operationId());
    op.put("summary", route.summary());
    op.put("description", route.description());
    op.putArray("tags").add(route.tag());
    ArrayNode security = op.putArray("security");
    if (route.authenticated()) {
      security.addObject().putArray("firebase");
    }
    parameters(op.putArray("parameters"), route);
    if (route.requestSchema() != null) {
      ObjectNode body = op.putObject("requestBody");
      body.put("required", true);
      String title = OpenApiSchemas.read(route.requestSchema()).get("title").asText();
      body.putObject("content")
          .putObject("application/json")
          .putObject("schema")
          .put("$ref", COMPONENTS + title);
    }
    responses(op.putObject("responses"), route);
    return op;
  }

  private static void parameters(ArrayNode params, Route route) {
    params.addObject().put("$ref", "#/components/parameters/RequestId");
    params.addObject().put("$ref", "#/components/parameters/ApiVersion");
    if (route.operationId().equals("getNegotiation")) {
      params.addObject().put("$ref", "#/components/parameters/IfNoneMatch");
    }
    // A negotiation or event id is any UUID the server issued; an installation id is made by
    // the app, and only a random (version 4) one is accepted.
    for (String name : List.of("id", "installation_id")) {
      if (route.path().contains("{" + name + "}")) {
        ObjectNode id = params.addObject();
        id.put("name", name).put("in", "path").put("required", true);
        id.putObject("schema").put("$ref", COMPONENTS + (name.equals("id") ? "Uuid" : "UuidV4"));
      }
    }
    for (String q : route.queryParams()) {
      ObjectNode p = params.addObject();
      p.put("name", q).put("in", "query").put("required", false);
      p.set("schema", OpenApiVocabulary.querySchema(route.operationId(), q));
    }
  }

  private static void responses(ObjectNode responses, Route route) {
    boolean negotiation = "Negotiation".equals(route.responseSchema());
    ObjectNode ok = responses.putObject(String.valueOf(route.successStatus()));
    ok.put("description", "Success");
    if (route.successStatus() == 204) {
      headers(ok);
    } else if (route.operationId().equals("exportMyData")) {
      // The document itself, not an envelope, downloaded as a file.
      body(headers(ok, "ContentDisposition"), route.responseSchema());
    } else if (route.operationId().equals("getMetrics")) {
      headers(ok);
      ok.putObject("content")
          .putObject("text/plain")
          .putObject("schema")
          .put("$ref", COMPONENTS + "MetricsText");
    } else {
      body(headers(ok, negotiation ? "ETag" : null), envelope(route));
    }
    if (route.operationId().equals("startNegotiation")) {
      ObjectNode replay = responses.putObject("200");
      replay.put("description", "Offline retry of the same start: the stored negotiation");
      body(headers(replay, "ETag", "IdempotentReplayed"), "NegotiationResponse");
    }
    if (route.operationId().equals("registerDevice")) {
      ObjectNode again = responses.putObject("200");
      again.put("description", "The installation was registered already: refreshed");
      body(headers(again), "DeviceResponse");
    }
    if (route.operationId().equals("getNegotiation")) {
      headers(responses.putObject("304").put("description", "Not modified"), "ETag");
    }
    TreeSet<Integer> errors = new TreeSet<>(route.errorStatuses());
    // Any request can be refused before its route runs: a bad Kairos-API-Version (400), a method
    // the path does not take (405), a body over the limit (413), a URI or headers too long for
    // the HTTP server (414, 431).
    errors.addAll(List.of(400, 405, 413, 414, 431, 500));
    if (route.authenticated()) {
      errors.add(401);
      errors.add(429);
      errors.add(503);
    } else if (route.rateLimited()) {
      errors.add(429);
    }
    if (route.requestSchema() != null) {
      errors.addAll(List.of(408, 415));
    }
    for (int status : errors) {
      ObjectNode r = responses.putObject(String.valueOf(status));
      r.put("description", OpenApiVocabulary.describe(status));
      String extra =
          switch (status) {
            case 401 -> "WWWAuthenticate";
            case 405 -> "Allow";
            case 429, 503 -> "RetryAfter";
            default -> null;
          };
      body(headers(r, extra), "ErrorResponse");
    }
    // Whatever a later server adds (a new status, a proxy's answer) still decodes as an error.
    ObjectNode other = responses.putObject("default");
    other.put("description", "Any other error, in the same envelope");
    body(headers(other, "RetryAfter"), "ErrorResponse");
  }

  /** The named envelope of a route's success body. */
  private static String envelope(Route route) {
    if (route.responseSchema() == null) {
      return "OpenApiDocument";
    }
    String data = route.responseSchema();
    if (data.endsWith("[]")) {
      String item = data.substring(0, data.length() - 2);
      if (item.equals("NegotiationSummary")) {
        return "NegotiationListResponse";
      }
      if (item.equals("Device")) {
        return "DeviceListResponse";
      }
      if (item.equals("ActivityEntry")) {
        return "ActivityListResponse";
      }
      return route.metaSchema().equals("CountMeta")
          ? "UpcomingEventsResponse"
          : "EventListResponse";
    }
    return data + "Response";
  }

  private static ObjectNode headers(ObjectNode response, String... extra) {
    ObjectNode headers = response.putObject("headers");
    headers.putObject("X-Request-Id").put("$ref", "#/components/headers/RequestId");
    headers.putObject("Kairos-API-Version").put("$ref", "#/components/headers/ApiVersion");
    headers.putObject("Cache-Control").put("$ref", "#/components/headers/CacheControl");
    for (String name : extra) {
      if (name != null) {
        String wire =
            switch (name) {
              case "ETag" -> "ETag";
              case "IdempotentReplayed" -> "Idempotent-Replayed";
              case "WWWAuthenticate" -> "WWW-Authenticate";
              case "ContentDisposition" -> "Content-Disposition";
              case "Allow" -> "Allow";
              default -> "Retry-After";
            };
        headers.putObject(wire).put("$ref", "#/components/headers/" + name);
      }
    }
    return response;
  }

  private static void body(ObjectNode response, String schema) {
    response
        .putObject("content")
        .putObject("application/json")
        .putObject("schema")
        .put("$ref", COMPONENTS + schema);
  }

  /** A request header parameter; returns its schema. */
  private static ObjectNode header(ObjectNode p, String name, String description) {
    p.put("name", name).put("in", "header").put("required", false);
    p.put("description", description);
    return p.putObject("schema").put("type", "string");
  }

  private static void responseHeader(ObjectNode headers, String key, String description) {
    headers
        .putObject(key)
        .put("description", description)
        .putObject("schema")
        .put("type", "string");
  }
}
