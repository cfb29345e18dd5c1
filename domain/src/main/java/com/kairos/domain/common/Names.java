package com.kairos.domain.common;

import java.util.Locale;

/** Lower-case names of constants for the domain's own messages (never a wire vocabulary). */
public final class Names {
  private Names() {}

  public static String lowerCase(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT);
  }
}
