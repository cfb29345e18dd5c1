package com.kairos.http.json;

import com.kairos.domain.common.ValidationFailure;
import java.util.Locale;

/**
 * The API's names for the domain's enums (states, actions, reasons, categories, modes, resource
 * types): the lower-case constant name, in both directions. The domain knows none of them; a value
 * a client sends that names no constant is a 422 {@code invalid_enum} on its field.
 */
public final class WireNames {
  private WireNames() {}

  /** The JSON name of {@code constant}; null stays null. */
  public static String of(Enum<?> constant) {
    return constant == null ? null : constant.name().toLowerCase(Locale.ROOT);
  }

  /**
   * The JSON spelling of a domain field path: each camelCase name in snake_case ({@code
   * proposedSlots[0].startsAt} is {@code proposed_slots[0].starts_at}); names already in snake_case
   * stay as they are.
   */
  public static String path(String domainPath) {
    StringBuilder wire = new StringBuilder(domainPath.length() + 8);
    for (int i = 0; i < domainPath.length(); i++) {
      char c = domainPath.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        wire.append('_').append((char) (c + ('a' - 'A')));
      } else {
        wire.append(c);
      }
    }
    return wire.toString();
  }

  /** The constant {@code wire} names, refused as {@code field} when there is none. */
  public static <E extends Enum<E>> E parse(Class<E> type, String wire, String field) {
    if (wire != null) {
      for (E constant : type.getEnumConstants()) {
        if (of(constant).equals(wire)) {
          return constant;
        }
      }
    }
    throw new ValidationFailure(
        field, ValidationFailure.Reason.INVALID_ENUM, "is not an allowed value");
  }
}
