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

  /** The constant {@code wire} names, refused as {@code field} when there is none. */
  public static <E extends Enum<E>> E parse(Class<E> type, String wire, String field) {
    if (wire != null) {
      for (E constant : type.getEnumConstants()) {
        if (of(constant).equals(wire)) {
          return constant;
        }
      }
    }
    throw new ValidationFailure(field, "invalid_enum", "is not an allowed value");
  }
}
