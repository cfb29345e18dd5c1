package com.kairos.domain.user;

import com.kairos.domain.common.AgentMode;
import com.kairos.domain.common.UserId;
import com.kairos.domain.common.ValidationFailure;
import com.kairos.domain.common.ValidationFailure.Reason;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A user's server-side profile, keyed by the user's id (the identity provider's subject). {@code
 * displayName} and {@code locale} may be null. Feature flags are server-controlled booleans.
 */
public record UserProfile(
    UUID id,
    UserId userId,
    String displayName,
    String locale,
    Map<String, Boolean> featureFlags,
    AgentMode agentModeDefault,
    Instant createdAt,
    Instant updatedAt) {
  public static final int MAX_DISPLAY_NAME = 100;

  public UserProfile {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(agentModeDefault, "agentModeDefault");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    featureFlags = Map.copyOf(featureFlags == null ? Map.of() : featureFlags);
    if (displayName != null) {
      requireDisplayName(displayName);
    }
    if (locale != null) {
      locale = Locales.canonical(locale, "locale");
    }
  }

  /**
   * The profile made on a user's first read: the token's name (trimmed to {@link #MAX_DISPLAY_NAME}
   * characters, dropped when blank) and the first usable language tag, when there is one.
   */
  public static UserProfile firstSight(
      UUID id, UserId uid, String tokenName, String languageTag, Instant now) {
    String name = tokenName == null ? null : tokenName.strip();
    if (name != null && name.length() > MAX_DISPLAY_NAME) {
      name = name.substring(0, MAX_DISPLAY_NAME);
    }
    if (name != null && name.isEmpty()) {
      name = null;
    }
    String locale = languageTag == null ? null : Locales.canonicalOrNull(languageTag);
    return new UserProfile(id, uid, name, locale, Map.of(), AgentMode.MANUAL, now, now);
  }

  /** The profile with {@code patch} applied; unchanged (same instance) when nothing changes. */
  public UserProfile apply(ProfilePatch patch, Instant now) {
    UserProfile next =
        new UserProfile(
            id,
            userId,
            patch.displayName().applyTo(displayName),
            patch.locale().applyTo(locale),
            featureFlags,
            patch.agentModeDefault().applyTo(agentModeDefault),
            createdAt,
            updatedAt);
    if (next.equals(this)) {
      return this;
    }
    return new UserProfile(
        id,
        userId,
        next.displayName,
        next.locale,
        featureFlags,
        next.agentModeDefault,
        createdAt,
        now);
  }

  static void requireDisplayName(String name) {
    if (name.isEmpty() || name.length() > MAX_DISPLAY_NAME) {
      throw new ValidationFailure(
          "displayName", Reason.INVALID_LENGTH, "must be 1-" + MAX_DISPLAY_NAME + " characters");
    }
  }
}
