package com.kairos.http.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Refuses values that parse as JSON but cannot be stored or compared faithfully, anywhere in a
 * request body: the NUL character (a {@code text} column rejects it), unpaired UTF-16 surrogates
 * (they have no UTF-8 form, so they would be stored as something else) and numbers too large for a
 * double ({@code 1e400} parses as infinity, which the schema validator cannot compare). One check
 * at the edge covers every field, present and future, and answers 400 naming the field instead of
 * failing deeper down.
 */
final class StorableValues {
  private StorableValues() {}

  private record Finding(String field, String reason) {}

  static void require(JsonNode body) {
    Finding found = first(body, "");
    if (found == null) {
      return;
    }
    String message =
        found.reason().equals("out_of_range")
            ? "Out of range: " + found.field()
            : "Text contains a character that cannot be stored: " + found.field();
    throw ApiError.validation(found.field(), found.reason(), message);
  }

  /** The first field whose name or value cannot be stored, or null. */
  private static Finding first(JsonNode node, String path) {
    String here = path.isEmpty() ? "body" : path;
    if (node.isTextual()) {
      return isStorable(node.textValue()) ? null : new Finding(here, "invalid_character");
    }
    if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
      return new Finding(here, "out_of_range");
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        Finding found = first(node.get(i), path + "[" + i + "]");
        if (found != null) {
          return found;
        }
      }
    } else if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        String name = RequestSchemas.printable(field.getKey());
        String child = path.isEmpty() ? name : path + "." + name;
        if (!isStorable(field.getKey())) {
          return new Finding(child, "invalid_character");
        }
        Finding found = first(field.getValue(), child);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  static boolean isStorable(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u0000') {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
