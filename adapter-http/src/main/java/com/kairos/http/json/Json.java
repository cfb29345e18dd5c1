package com.kairos.http.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/** The one Jackson setup: snake_case out, nulls kept, strict parsing in. */
public final class Json {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .serializationInclusion(JsonInclude.Include.ALWAYS)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(JsonParser.Feature.ALLOW_COMMENTS)
          // Characters beyond the BMP (emoji) as their 4 UTF-8 bytes when writing bytes, as the
          // String path writes them, not as an escaped surrogate pair.
          .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
          .build();

  private Json() {}

  /** The shared mapper, for building and reading documents (never reconfigure it). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Parses a request body; anything that is not one JSON object is {@code malformed_json}. */
  public static JsonNode parseObject(byte[] body) {
    JsonNode node;
    try {
      node = body.length == 0 ? null : MAPPER.readTree(body);
    } catch (IOException e) {
      throw ApiError.validation("body", "malformed_json", "The body is not valid JSON");
    }
    if (node == null || node.isMissingNode()) {
      throw ApiError.validation("body", "malformed_json", "A JSON body is required");
    }
    if (!node.isObject()) {
      throw ApiError.validation("body", "invalid_type", "The body must be a JSON object");
    }
    StorableValues.require(node);
    return node;
  }

  /** {@code value} as UTF-8 JSON bytes: what a response body is sent as, with no String between. */
  public static byte[] writeBytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("response could not be serialized", e);
    }
  }

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("response could not be serialized", e);
    }
  }
}
