package com.kairos.http.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The request JSON Schemas (draft 2020-12, classpath resources) and their validation. A failure
 * becomes a 400 whose {@code details} name the field as a path ({@code
 * proposed_slots[0].starts_at}) and a reason; messages are ours, so no request value is ever
 * echoed.
 */
public final class RequestSchemas {
  static final String BASE = "https://schemas.kairos.app/v1/";
  public static final List<String> FILES =
      List.of(
          "common.json",
          "start-negotiation.json",
          "reply-negotiation.json",
          "negotiation-action.json",
          "create-event.json",
          "patch-me.json",
          "put-device.json");

  private final Map<String, Schema> schemas = new HashMap<>();

  public RequestSchemas() {
    Map<String, String> texts = new HashMap<>();
    FILES.forEach(f -> texts.put(BASE + f, resource(f)));
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12, builder -> builder.schemas(texts));
    for (String file : FILES) {
      Schema schema = registry.getSchema(SchemaLocation.of(BASE + file));
      schema.initializeValidators(); // resolve every $ref now, not on the first request
      schemas.put(file, schema);
    }
  }

  /** The raw text of a schema file, for the OpenAPI document. */
  public static String resource(String file) {
    try (InputStream in = RequestSchemas.class.getResourceAsStream("/kairos/schemas/" + file)) {
      if (in == null) {
        throw new IllegalStateException("missing schema resource " + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Validates {@code body} against {@code file}; throws a 400 {@link ApiError} if it fails. */
  public void validate(String file, JsonNode body) {
    Schema schema = schemas.get(file);
    if (schema == null) {
      throw new IllegalArgumentException("unknown schema " + file);
    }
    List<Error> errors =
        schema.validate(body, ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true)));
    if (errors.isEmpty()) {
      exclusiveSlotFields(body);
      return;
    }
    List<Map<String, String>> all = new ArrayList<>();
    for (Error e : errors) {
      Map<String, String> one = new LinkedHashMap<>();
      one.put("field", field(e));
      one.put("reason", reason(e));
      if (!all.contains(one)) {
        all.add(one);
      }
    }
    Map<String, String> first = all.get(0);
    Map<String, Object> details = new LinkedHashMap<>(first);
    if (all.size() > 1) {
      details.put("errors", all);
    }
    throw new ApiError(400, "validation_error", message(first, errors.get(0)), details, null);
  }

  /**
   * A slot gives {@code ends_at} or {@code duration_minutes}, not both. Checked here rather than
   * with {@code not} in the schema, which client generators drop (and the slot type with it).
   */
  private static void exclusiveSlotFields(JsonNode body) {
    for (String list : List.of("proposed_slots", "counter_slots")) {
      JsonNode slots = body.get(list);
      for (int i = 0; slots != null && i < slots.size(); i++) {
        if (slots.get(i).has("ends_at") && slots.get(i).has("duration_minutes")) {
          Map<String, String> only = new LinkedHashMap<>();
          only.put("field", list + "[" + i + "]");
          only.put("reason", "conflicting_fields");
          throw new ApiError(
              400,
              "validation_error",
              "Fields that cannot be combined: " + only.get("field"),
              new LinkedHashMap<>(only),
              null);
        }
      }
    }
  }

  static String field(Error e) {
    StringBuilder path = new StringBuilder();
    NodePath location = e.getInstanceLocation();
    for (int i = 0; i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      if (element instanceof Integer index) {
        path.append('[').append(index).append(']');
      } else {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(element);
      }
    }
    String keyword = e.getKeyword();
    if (("required".equals(keyword)
            || "additionalProperties".equals(keyword)
            || "dependentRequired".equals(keyword))
        && e.getProperty() != null) {
      if (path.length() > 0) {
        path.append('.');
      }
      path.append(printable(e.getProperty()));
    }
    return path.length() == 0 ? "body" : path.toString();
  }

  /**
   * An unknown property's name is client text: it is shown only when it looks like one of our field
   * names (so a typo is named), never when it could be content such as a blob.
   */
  static String printable(String property) {
    return FIELD_NAME.matcher(property).matches() ? property : "(unrecognized)";
  }

  private static final java.util.regex.Pattern ANY_UUID =
      java.util.regex.Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /** A well-formed UUID refused only because a client id must be version 4 (random). */
  private static boolean isUuidButNotV4(Error error) {
    String where = error.getSchemaLocation() == null ? "" : error.getSchemaLocation().toString();
    JsonNode value = error.getInstanceNode();
    return where.contains("/$defs/UuidV4")
        && value != null
        && value.isTextual()
        && ANY_UUID.matcher(value.asText()).matches();
  }

  private static final java.util.regex.Pattern FIELD_NAME =
      java.util.regex.Pattern.compile("[a-z][a-z0-9_]{0,63}");

  static String reason(Error e) {
    String keyword = e.getKeyword() == null ? "" : e.getKeyword();
    String where = e.getSchemaLocation() == null ? "" : e.getSchemaLocation().toString();
    switch (keyword) {
      case "required":
      case "dependentRequired":
        return "missing_field";
      case "additionalProperties":
        return "unknown_field";
      case "type":
        return "invalid_type";
      case "enum":
      case "const":
        return "invalid_enum";
      case "minItems":
      case "maxItems":
      case "minLength":
      case "maxLength":
        return "invalid_length";
      case "minimum":
      case "maximum":
        return "out_of_range";
      case "not":
        return "conflicting_fields";
      case "pattern":
      case "format":
        if (where.contains("/$defs/Uuid")) {
          return "invalid_uuid";
        }
        if (where.contains("/$defs/Timestamp")) {
          return "invalid_timestamp";
        }
        if (where.contains("/$defs/Blob")) {
          return "invalid_base64";
        }
        return "invalid_format";
      default:
        return "invalid_value";
    }
  }

  private static String message(Map<String, String> first, Error error) {
    String field = first.get("field");
    switch (first.get("reason")) {
      case "missing_field":
        return "Missing required field: " + field;
      case "unknown_field":
        return "Unknown field: " + field;
      case "invalid_type":
        return "Wrong type for field: " + field;
      case "invalid_enum":
        return "Not an allowed value for field: " + field;
      case "invalid_uuid":
        return isUuidButNotV4(error)
            ? "Not a version 4 UUID: " + field
            : "Not a valid UUID: " + field;
      case "invalid_timestamp":
        return "Not an RFC 3339 timestamp: " + field;
      case "invalid_length":
        return "Wrong length for field: " + field;
      case "out_of_range":
        return "Out of range: " + field;
      case "conflicting_fields":
        return "Fields that cannot be combined: " + field;
      default:
        return "Invalid field: " + field;
    }
  }
}
