package com.google.firebase.messaging;

import com.google.api.client.http.HttpRequestFactory;
import com.google.firebase.FirebaseApp;
import com.google.firebase.ImplFirebaseTrampolines;

/**
 * Kairos code in firebase-admin's package: builds a {@link FirebaseMessaging} whose HTTP requests
 * come from the caller's request factory instead of {@code ApiClientUtils}' default one.
 *
 * <p>Why: {@link FirebaseMessaging#getInstance(FirebaseApp)} retries every HTTP 503 up to four
 * times inside {@code send}, sleeping 0.5–60 s between attempts (its {@code
 * ApiClientUtils.DEFAULT_RETRY_CONFIG}), and no public option turns that off or changes the FCM
 * host. Our outbox dispatcher does the retrying, with its own backoff and bookkeeping, so one
 * {@code send} must be one HTTP attempt that returns at once. The builders used here are
 * package-private in firebase-admin 9.x: an upgrade that changes them fails to compile, loudly.
 */
public final class SingleAttemptMessaging {

  private SingleAttemptMessaging() {}

  /** A messaging client for {@code app} that sends every request through {@code requests}. */
  public static FirebaseMessaging create(FirebaseApp app, HttpRequestFactory requests) {
    FirebaseMessagingClientImpl client =
        FirebaseMessagingClientImpl.builder()
            .setProjectId(ImplFirebaseTrampolines.getProjectId(app))
            .setRequestFactory(requests)
            .setChildRequestFactory(requests)
            .setJsonFactory(app.getOptions().getJsonFactory())
            .build();
    return FirebaseMessaging.builder()
        .setFirebaseApp(app)
        .setMessagingClient(() -> client)
        .setInstanceIdClient(() -> InstanceIdClientImpl.fromApp(app))
        .build();
  }
}
