package com.kairos.domain.user;

import com.kairos.domain.common.ValidationFailure;
import com.kairos.domain.common.ValidationFailure.Reason;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.regex.Pattern;

/** BCP 47 language tags, kept in their canonical spelling ({@code en-US}, {@code zh-Hant-TW}). */
final class Locales {
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");

  private Locales() {}

  static String canonical(String tag, String field) {
    String canonical = canonicalOrNull(tag);
    if (canonical == null) {
      throw new ValidationFailure(field, Reason.INVALID_LOCALE, "must be a BCP 47 language tag");
    }
    return canonical;
  }

  static String canonicalOrNull(String tag) {
    if (tag == null || tag.length() > 35 || !SHAPE.matcher(tag).matches()) {
      return null;
    }
    try {
      Locale locale = new Locale.Builder().setLanguageTag(tag).build();
      String canonical = locale.toLanguageTag();
      return "und".equals(canonical) ? null : canonical;
    } catch (IllformedLocaleException e) {
      return null;
    }
  }
}
