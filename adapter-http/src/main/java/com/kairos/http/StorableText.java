package com.kairos.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Refuses text PostgreSQL cannot store faithfully, anywhere in a request body: the NUL character (a
 * {@code text} column rejects it) and unpaired UTF-16 surrogates (they have no UTF-8 form, so they
 * would be stored as something else). One check at the edge covers every field, present and future,
 * and answers 400 naming the field instead of failing in the database.
 */
final class StorableText {
  private StorableText() {}

  static void require(JsonNode body) {
    String field = firstUnstorable(body, "");
    if (field != null) {
      throw ApiError.validation(
          field, "invalid_character", "Text contains a character that cannot be stored: " + field);
    }
  }

  /** The path of the first field whose name or text is unstorable, or null. */
  private static String firstUnstorable(JsonNode node, String path) {
    if (node.isTextual()) {
      return isStorable(node.textValue()) ? null : (path.isEmpty() ? "body" : path);
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String found = firstUnstorable(node.get(i), path + "[" + i + "]");
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
          return child;
        }
        String found = firstUnstorable(field.getValue(), child);
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
