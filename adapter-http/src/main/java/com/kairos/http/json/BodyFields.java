package com.kairos.http.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.kairos.domain.common.BlobVersion;
import com.kairos.domain.common.EncryptedBlob;
import com.kairos.domain.common.TimeZoneId;
import com.kairos.domain.common.Timestamps;
import com.kairos.domain.common.ValidationFailure;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reading the fields of a schema-valid request body into domain values. The schema has already
 * checked shapes and types; rules it cannot see surface here or in the domain as 422s whose field
 * is the full path in the request.
 */
public final class BodyFields {
  private BodyFields() {}

  public static String text(JsonNode node, String field) {
    return node.get(field).asText();
  }

  public static UUID uuid(JsonNode node, String field) {
    return UUID.fromString(node.get(field).asText());
  }

  public static Instant timestamp(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null) {
      return null;
    }
    try {
      return Timestamps.truncate(JsonTime.parse(value.asText()));
    } catch (DateTimeParseException e) {
      // The schema's pattern should have caught it; never let a parse failure become a 500.
      throw ApiError.validation(field, "invalid_timestamp", "Not an RFC 3339 timestamp: " + field);
    }
  }

  public static TimeZoneId timezone(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null) {
      return null;
    }
    try {
      return new TimeZoneId(value.asText());
    } catch (ValidationFailure f) {
      throw f.as(field);
    }
  }

  public static EncryptedBlob blob(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null ? null : EncryptedBlob.of(value.asText(), field);
  }

  public static BlobVersion blobVersion(JsonNode body) {
    JsonNode value = body.get("encrypted_blob_version");
    return value == null ? null : new BlobVersion(value.asInt());
  }

  /** Each item of {@code array}, read by {@code item}, its failures placed under field[i]. */
  public static <T> List<T> list(JsonNode array, String field, Function<JsonNode, T> item) {
    List<T> result = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      int index = i;
      result.add(within(field + "[" + index + "]", () -> item.apply(array.get(index))));
    }
    return result;
  }

  /** Runs {@code work}, placing any validation failure's field under {@code prefix}. */
  public static <T> T within(String prefix, Supplier<T> work) {
    try {
      return work.get();
    } catch (ValidationFailure f) {
      if (prefix.isEmpty() || WireNames.path(f.field()).startsWith(prefix)) {
        throw f;
      }
      throw f.under(prefix);
    } catch (ApiError e) {
      throw prefix.isEmpty() ? e : e.under(prefix);
    }
  }
}
