package com.kairos.domain.common;

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
}
