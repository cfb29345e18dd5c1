package com.kairos.domain.common;

import java.util.Locale;

/** Maps lower-case wire names to enum constants with a field-aware failure. */
public final class WireEnums {
  private WireEnums() {}

  public static <E extends Enum<E>> E parse(Class<E> type, String wire, String field) {
    if (wire != null) {
      for (E constant : type.getEnumConstants()) {
        if (constant.name().toLowerCase(Locale.ROOT).equals(wire)) {
          return constant;
        }
      }
    }
    throw new ValidationFailure(field, "invalid_enum", "is not an allowed value");
  }

  public static String wire(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT);
  }
}
