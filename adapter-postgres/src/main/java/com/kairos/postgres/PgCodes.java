package com.kairos.postgres;

import java.util.Collection;
import java.util.Locale;

/**
 * The codes this adapter stores for the domain's enums (the lower-case constant name, as the
 * schema's CHECK constraints list them), bound as parameters rather than written into SQL. A stored
 * code that names no constant is corrupt data, not a client's mistake: it throws {@link
 * IllegalStateException}, which the HTTP adapter logs and answers with a 500.
 */
final class PgCodes {
  private PgCodes() {}

  static String code(Enum<?> constant) {
    return constant == null ? null : constant.name().toLowerCase(Locale.ROOT);
  }

  static String[] codes(Collection<? extends Enum<?>> constants) {
    return constants.stream().map(PgCodes::code).toArray(String[]::new);
  }

  /** The constant stored as {@code code} in {@code column}; null stays null. */
  static <E extends Enum<E>> E parse(Class<E> type, String code, String column) {
    if (code == null) {
      return null;
    }
    for (E constant : type.getEnumConstants()) {
      if (code(constant).equals(code)) {
        return constant;
      }
    }
    throw new IllegalStateException(
        "corrupt stored value in column " + column + ": no " + type.getSimpleName() + " " + code);
  }
}
