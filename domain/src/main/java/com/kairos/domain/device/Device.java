package com.kairos.domain.device;

import com.kairos.domain.common.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * One installation registered for pushes. {@code appVersion} and {@code locale} may be null. A push
 * token belongs to at most one device; a user has at most {@link #MAX_PER_USER}.
 */
public record Device(
    UserId owner,
    InstallationId installationId,
    PushToken pushToken,
    Platform platform,
    String appVersion,
    String locale,
    Instant createdAt,
    Instant lastSeenAt) {

  /** A 21st registration evicts the device seen least recently. */
  public static final int MAX_PER_USER = 20;

  public static final int MAX_APP_VERSION = 32;

  public Device {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(installationId, "installationId");
    Objects.requireNonNull(pushToken, "pushToken");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(lastSeenAt, "lastSeenAt");
    if (appVersion != null && (appVersion.isEmpty() || appVersion.length() > MAX_APP_VERSION)) {
      throw new IllegalArgumentException("an app version is 1-" + MAX_APP_VERSION + " characters");
    }
  }
}
