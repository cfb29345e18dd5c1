package com.kairos.http.user;

import com.kairos.domain.user.UserProfile;
import com.kairos.http.json.JsonTime;
import com.kairos.http.json.WireNames;
import java.util.Map;

/** The response shape of the caller's profile, mapped explicitly from the domain. */
record ProfileJson(
    String id,
    String firebaseUid,
    String displayName,
    String locale,
    Map<String, Boolean> featureFlags,
    String agentModeDefault,
    String createdAt,
    String updatedAt) {
  static ProfileJson of(UserProfile p) {
    return new ProfileJson(
        p.id().toString(),
        p.userId().value(),
        p.displayName(),
        p.locale(),
        p.featureFlags(),
        WireNames.of(p.agentModeDefault()),
        JsonTime.format(p.createdAt()),
        JsonTime.format(p.updatedAt()));
  }
}
