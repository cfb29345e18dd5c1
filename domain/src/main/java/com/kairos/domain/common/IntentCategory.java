package com.kairos.domain.common;

import java.util.Locale;

/** What kind of meetup is being negotiated. */
public enum IntentCategory {
  COFFEE,
  LUNCH,
  DINNER,
  DRINKS,
  GYM,
  WALK,
  MOVIE,
  CONCERT,
  STUDY,
  GAME,
  BRUNCH,
  OTHER;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static IntentCategory fromWire(String wire) {
    return WireEnums.parse(IntentCategory.class, wire, "intent_category");
  }
}
