package com.kairos.domain.user;

import com.kairos.domain.common.AgentMode;
import com.kairos.domain.common.FieldPatch;
import com.kairos.domain.common.ValidationFailure;
import com.kairos.domain.common.ValidationFailure.Reason;
import java.util.Objects;

/** The profile fields a patch may change; each absent, or set (display name may be null). */
public record ProfilePatch(
    FieldPatch<String> displayName,
    FieldPatch<String> locale,
    FieldPatch<AgentMode> agentModeDefault) {

  public ProfilePatch {
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(locale, "locale");
    Objects.requireNonNull(agentModeDefault, "agentModeDefault");
    displayName.map(
        name -> {
          UserProfile.requireDisplayName(name);
          return name;
        });
    locale = locale.map(tag -> Locales.canonical(tag, "locale"));
    if (locale.isPresent() && locale.applyTo("") == null) {
      throw new ValidationFailure("locale", Reason.INVALID_TYPE, "must not be null");
    }
    if (agentModeDefault.isPresent() && agentModeDefault.applyTo(AgentMode.MANUAL) == null) {
      throw new ValidationFailure("agentModeDefault", Reason.INVALID_TYPE, "must not be null");
    }
  }
}
