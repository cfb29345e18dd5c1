package com.kairos.firebase.push;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach FCM. {@code apiUrl} is the base of the HTTP v1 API ({@code FCM_API_URL}, default
 * {@link #DEFAULT_API_URL}; tests point it at a local fake). Credentials: the service account from
 * {@code clientEmail}/{@code privateKey} (PEM, both or neither), else Application Default
 * Credentials; with neither and a non-default {@code apiUrl}, requests carry no {@code
 * Authorization} header. Refusing a custom URL in production is the configuration's job.
 */
public record FcmSettings(
    String projectId,
    URI apiUrl,
    String clientEmail,
    String privateKey,
    Duration connectTimeout,
    Duration readTimeout) {

  public static final URI DEFAULT_API_URL = URI.create("https://fcm.googleapis.com");
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(3);
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(5);

  public FcmSettings {
    Objects.requireNonNull(projectId, "projectId");
    if (projectId.isBlank()) {
      throw new IllegalArgumentException("projectId must not be blank");
    }
    apiUrl = apiUrl == null ? DEFAULT_API_URL : apiUrl;
    if (!("https".equals(apiUrl.getScheme()) || "http".equals(apiUrl.getScheme()))
        || apiUrl.getHost() == null
        || apiUrl.getRawQuery() != null
        || apiUrl.getRawFragment() != null) {
      throw new IllegalArgumentException("FCM_API_URL must be an http(s) base URL");
    }
    if ((clientEmail == null) != (privateKey == null)) {
      throw new IllegalArgumentException(
          "FIREBASE_CLIENT_EMAIL and FIREBASE_PRIVATE_KEY go together");
    }
    connectTimeout = positive(connectTimeout, DEFAULT_CONNECT_TIMEOUT, "connectTimeout");
    readTimeout = positive(readTimeout, DEFAULT_READ_TIMEOUT, "readTimeout");
  }

  /** Settings with the default timeouts. */
  public FcmSettings(String projectId, URI apiUrl, String clientEmail, String privateKey) {
    this(projectId, apiUrl, clientEmail, privateKey, null, null);
  }

  /** Whether requests go to Google's own FCM endpoint. */
  public boolean usesDefaultApiUrl() {
    return normalized(apiUrl).equals(normalized(DEFAULT_API_URL));
  }

  /** Whether a service account is configured (else ADC, or no credentials for a local fake). */
  public boolean hasServiceAccount() {
    return clientEmail != null;
  }

  private static String normalized(URI uri) {
    String s = uri.toString();
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  private static Duration positive(Duration value, Duration fallback, String name) {
    Duration d = value == null ? fallback : value;
    if (d.isZero() || d.isNegative() || d.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(name + " must be positive");
    }
    return d;
  }

  @Override
  public String toString() {
    return "FcmSettings[projectId="
        + projectId
        + ", apiUrl="
        + apiUrl
        + ", credentials="
        + (hasServiceAccount() ? "service account (redacted)" : "application default or none")
        + ", connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + "]";
  }
}
