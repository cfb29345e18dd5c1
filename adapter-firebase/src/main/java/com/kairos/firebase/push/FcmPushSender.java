package com.kairos.firebase.push;

import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.json.JsonFactory;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;
import com.google.firebase.ImplFirebaseTrampolines;
import com.google.firebase.messaging.FirebaseMessaging;
import com.google.firebase.messaging.FirebaseMessagingException;
import com.google.firebase.messaging.SingleAttemptMessaging;
import com.kairos.application.port.PushMessage;
import com.kairos.application.port.PushResult;
import com.kairos.application.port.PushSender;
import java.io.IOException;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/**
 * Sends pushes through FCM HTTP v1 with firebase-admin's messaging client, on a FirebaseApp of its
 * own. One {@link #send} is one HTTP attempt (firebase-admin's built-in 503 retries are off: the
 * outbox dispatcher retries); the only exception is google-auth resending once, at once, after a
 * 401 made it refresh the OAuth token. Failures become {@link PushResult}s, never exceptions.
 */
public final class FcmPushSender implements PushSender, AutoCloseable {
  private static final String DEFAULT_HOST_PREFIX = FcmSettings.DEFAULT_API_URL.toString();

  private final FirebaseApp app;
  private final FirebaseMessaging messaging;
  private final JsonFactory json;
  private final Clock clock;

  private FcmPushSender(FirebaseApp app, FirebaseMessaging messaging, Clock clock) {
    this.app = app;
    this.messaging = messaging;
    this.json = app.getOptions().getJsonFactory();
    this.clock = clock;
  }

  /**
   * A sender for {@code settings}. Fails at once when credentials are needed but absent (no service
   * account and no Application Default Credentials) or the private key is not a PKCS#8 PEM key.
   */
  public static FcmPushSender create(FcmSettings settings, Clock clock) {
    Objects.requireNonNull(settings, "settings");
    return create(settings, clock, credentials(settings));
  }

  /** A sender authenticating with {@code credentials}, or sending no credentials when null. */
  static FcmPushSender create(FcmSettings settings, Clock clock, GoogleCredentials credentials) {
    Objects.requireNonNull(clock, "clock");
    FirebaseOptions options =
        FirebaseOptions.builder()
            .setProjectId(settings.projectId())
            // FirebaseOptions insists on credentials; without any, ours are never sent (see below).
            .setCredentials(
                credentials != null
                    ? credentials
                    : GoogleCredentials.create(new AccessToken("unused", null)))
            .build();
    FirebaseApp app = FirebaseApp.initializeApp(options, "kairos-fcm-" + UUID.randomUUID());
    try {
      GoogleCredentials scoped =
          credentials != null ? ImplFirebaseTrampolines.getCredentials(app) : null;
      HttpRequestInitializer initializer = requestInitializer(settings, scoped);
      FirebaseMessaging messaging =
          SingleAttemptMessaging.create(
              app, app.getOptions().getHttpTransport().createRequestFactory(initializer));
      return new FcmPushSender(app, messaging, clock);
    } catch (RuntimeException e) {
      app.delete();
      throw e;
    }
  }

  /**
   * The service account when configured; else Application Default Credentials against Google's
   * endpoint; else (a local fake) none at all, so no OAuth token is ever fetched.
   */
  static GoogleCredentials credentials(FcmSettings settings) {
    if (settings.hasServiceAccount()) {
      try {
        return ServiceAccountCredentials.fromPkcs8(
            null, settings.clientEmail(), settings.privateKey().replace("\\n", "\n"), null, null);
      } catch (IOException e) {
        throw new IllegalArgumentException("FIREBASE_PRIVATE_KEY is not a PKCS#8 PEM key");
      }
    }
    if (!settings.usesDefaultApiUrl()) {
      return null;
    }
    try {
      return GoogleCredentials.getApplicationDefault();
    } catch (IOException e) {
      throw new IllegalStateException(
          "FCM needs credentials: FIREBASE_CLIENT_EMAIL/FIREBASE_PRIVATE_KEY or Application"
              + " Default Credentials");
    }
  }

  /**
   * Every FCM request: moved to {@code apiUrl}, short timeouts, no redirects, no retries (there is
   * no retry handler: firebase-admin's {@code RetryInitializer} is not installed), and the OAuth
   * header only when there are credentials. {@code numberOfRetries} 1 lets google-auth's handler
   * resend once after refreshing a token a 401 refused; without credentials it is 0.
   */
  static HttpRequestInitializer requestInitializer(
      FcmSettings settings, GoogleCredentials credentials) {
    HttpCredentialsAdapter auth =
        credentials == null ? null : new HttpCredentialsAdapter(credentials);
    String base = withoutTrailingSlash(settings.apiUrl().toString());
    boolean rebase = !settings.usesDefaultApiUrl();
    int connectMillis = (int) settings.connectTimeout().toMillis();
    int readMillis = (int) settings.readTimeout().toMillis();
    return request -> {
      String url = request.getUrl().build();
      if (rebase && url.startsWith(DEFAULT_HOST_PREFIX + "/")) {
        request.setUrl(new GenericUrl(base + url.substring(DEFAULT_HOST_PREFIX.length())));
      }
      request.setConnectTimeout(connectMillis);
      request.setReadTimeout(readMillis);
      // No write timeout: firebase-admin's Apache transport then waits for the request body to be
      // written that long even when the connection was refused; the connect and read timeouts
      // already bound every send.
      request.setWriteTimeout(0);
      request.setFollowRedirects(false);
      request.setNumberOfRetries(auth == null ? 0 : 1);
      if (auth != null) {
        auth.initialize(request);
      }
    };
  }

  private static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  @Override
  public PushResult send(PushMessage push) {
    try {
      messaging.send(FcmMessages.toMessage(push));
      return PushResult.sent();
    } catch (FirebaseMessagingException e) {
      return FcmErrors.classify(e, clock.instant(), json);
    } catch (RuntimeException e) {
      // firebase-admin refusing the message itself: a bug here, not a provider failure. The
      // exception's message is not kept: it could quote the message.
      return PushResult.rejected("client_error");
    }
  }

  /** Releases the FirebaseApp; the shared HTTP transport stays up for other apps. */
  @Override
  public void close() {
    app.delete();
  }
}
