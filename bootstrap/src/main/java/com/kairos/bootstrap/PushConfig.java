package com.kairos.bootstrap;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/**
 * How pushes leave this server (notifications.md, Configuration): {@code PUSH_PROVIDER}, {@code
 * FCM_API_URL} (for a local fake; refused in production) and {@code PUSH_MAX_ATTEMPTS_HOURS}.
 */
public record PushConfig(
    Provider provider, URI fcmApiUrl, boolean fcmApiUrlOverridden, int maxAttemptsHours) {

  /** Where pushes go. */
  public enum Provider {
    /** Firebase Cloud Messaging (APNs through FCM). */
    FCM,
    /** One log line per push: kind, negotiation id, token suffix. */
    LOG,
    /** Nothing is recorded and nothing is sent. */
    NONE
  }

  public static final URI DEFAULT_FCM_API_URL = URI.create("https://fcm.googleapis.com");

  static PushConfig read(EnvReader r, boolean production) {
    Provider provider;
    if (production && r.optional("PUSH_PROVIDER") == null) {
      r.problem("PUSH_PROVIDER is required in production (fcm, log or none)");
      provider = Provider.NONE;
    } else {
      provider = r.oneOf("PUSH_PROVIDER", Provider.class, Provider.LOG);
    }
    String url = r.optional("FCM_API_URL");
    URI apiUrl = DEFAULT_FCM_API_URL;
    if (url != null) {
      if (production) {
        r.problem("FCM_API_URL must not be set in production");
      }
      apiUrl = parse(url);
      if (apiUrl == null) {
        r.problem(
            "FCM_API_URL must be an http:// or https:// base URL such as http://localhost:9099");
        apiUrl = DEFAULT_FCM_API_URL;
      }
    }
    int hours = r.integer("PUSH_MAX_ATTEMPTS_HOURS", 24, 1, 720);
    return new PushConfig(provider, apiUrl, url != null, hours);
  }

  private static URI parse(String value) {
    try {
      URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
      boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
      boolean bare =
          uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
      return web && uri.getHost() != null && bare ? uri : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  public Duration giveUpAfter() {
    return Duration.ofHours(maxAttemptsHours);
  }
}
