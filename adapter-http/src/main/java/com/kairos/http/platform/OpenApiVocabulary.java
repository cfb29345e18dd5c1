package com.kairos.http.platform;

import static com.kairos.http.platform.OpenApiSchemas.COMPONENTS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kairos.application.negotiation.GetActivity;
import com.kairos.http.json.Json;

/** What the OpenAPI document says of each error status and each query parameter. */
final class OpenApiVocabulary {
  private OpenApiVocabulary() {}

  static String describe(int status) {
    return switch (status) {
      case 400 -> "validation_error: malformed request (details.field, details.reason)";
      case 401 -> "authentication_error (details.reason)";
      case 403 -> "authorization_error (details.resource_type, details.resource_id)";
      case 404 -> "not_found (details.resource_type, details.resource_id)";
      case 408 -> "request_timeout: the body arrived too slowly";
      case 409 -> "conflict_error (details.reason)";
      case 413 -> "payload_too_large (details.max_bytes)";
      case 415 -> "unsupported_media_type";
      case 422 -> "validation_error: a rule the schema cannot see (details.field, details.reason)";
      case 429 -> "rate_limit_exceeded (details.retry_after_seconds)";
      case 503 -> "service_unavailable (details.dependency: database, firebase or capacity)";
      default -> "internal_error (details.request_id)";
    };
  }

  /** The schema of query parameter {@code name} of operation {@code operationId}. */
  static JsonNode querySchema(String operationId, String name) {
    ObjectNode s = (ObjectNode) querySchema(name);
    if (name.equals("limit") && operationId.equals("listNegotiationActivity")) {
      s.put("default", GetActivity.DEFAULT_LIMIT);
    }
    return s;
  }

  static JsonNode querySchema(String name) {
    ObjectNode s = Json.mapper().createObjectNode();
    switch (name) {
      case "limit" ->
          s.put("type", "integer").put("minimum", 1).put("maximum", 100).put("default", 20);
      case "awaiting_me" -> s.put("type", "boolean");
      case "after_version" ->
          s.put("type", "integer")
              .put("format", "int64")
              .put("minimum", 0)
              .put("description", "Only entries with a greater version");
      case "updated_after", "after" -> s.put("$ref", COMPONENTS + "Timestamp");
      case "role" -> s.put("$ref", COMPONENTS + "ParticipantRole");
      case "status" -> {
        s.put("type", "string");
        s.putArray("enum").add("confirmed").add("cancelled");
      }
      case "state" ->
          s.put("type", "string")
              .put("description", "Comma-separated list of draft, active, finalized, cancelled");
      default -> s.put("type", "string");
    }
    return s;
  }
}
