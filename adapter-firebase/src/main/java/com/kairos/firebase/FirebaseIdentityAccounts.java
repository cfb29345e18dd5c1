package com.kairos.firebase;

import com.google.api.client.http.HttpTransport;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;
import com.google.firebase.auth.AuthErrorCode;
import com.google.firebase.auth.FirebaseAuth;
import com.google.firebase.auth.FirebaseAuthException;
import com.kairos.application.port.IdentityAccounts;
import com.kairos.domain.common.UserId;
import java.util.UUID;

/**
 * Deletes Firebase Auth users with firebase-admin (the Auth Emulator when {@code
 * FIREBASE_AUTH_EMULATOR_HOST} is set). A user that is already gone counts as deleted; any other
 * failure is reported for a retry by its error code only.
 */
public final class FirebaseIdentityAccounts implements IdentityAccounts {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(FirebaseIdentityAccounts.class);
  private final java.util.function.Supplier<FirebaseAuth> connect;
  private volatile FirebaseAuth auth;

  FirebaseIdentityAccounts(java.util.function.Supplier<FirebaseAuth> connect) {
    this.connect = connect;
  }

  /** Connects on first use: only deleted accounts need it, and finding credentials may be slow. */
  private FirebaseAuth auth() {
    FirebaseAuth a = auth;
    if (a == null) {
      synchronized (this) {
        if (auth == null) {
          auth = connect.get();
        }
        a = auth;
      }
    }
    return a;
  }

  /**
   * Deletes through its own FirebaseApp, with the service account when one is configured, else
   * Application Default Credentials (Cloud Run's service account); the Auth Emulator needs neither.
   * Without any, deletions fail and are retried until credentials are fixed.
   */
  public static FirebaseIdentityAccounts create(FirebaseSettings settings) {
    return new FirebaseIdentityAccounts(() -> connect(settings));
  }

  private static FirebaseAuth connect(FirebaseSettings settings) {
    GoogleCredentials credentials = FirebaseIdentityVerifier.credentials(settings);
    if (settings.privateKey() == null && System.getenv("FIREBASE_AUTH_EMULATOR_HOST") == null) {
      try {
        credentials = GoogleCredentials.getApplicationDefault();
      } catch (java.io.IOException e) {
        LOG.warn(
            "no Firebase credentials: deleted accounts' Firebase users are kept until"
                + " FIREBASE_CLIENT_EMAIL/FIREBASE_PRIVATE_KEY or Application Default Credentials"
                + " are configured");
      }
    }
    FirebaseOptions options =
        FirebaseOptions.builder()
            .setProjectId(settings.projectId())
            .setCredentials(credentials)
            .build();
    FirebaseApp app = FirebaseApp.initializeApp(options, "kairos-accounts-" + UUID.randomUUID());
    return FirebaseAuth.getInstance(app);
  }

  /** For tests: calls go to {@code transport}. */
  static FirebaseIdentityAccounts withTransport(String projectId, HttpTransport transport) {
    FirebaseOptions options =
        FirebaseOptions.builder()
            .setProjectId(projectId)
            .setCredentials(GoogleCredentials.create(new AccessToken("test-only", null)))
            .setHttpTransport(transport)
            .build();
    FirebaseApp app = FirebaseApp.initializeApp(options, "kairos-accounts-" + UUID.randomUUID());
    FirebaseAuth auth = FirebaseAuth.getInstance(app);
    return new FirebaseIdentityAccounts(() -> auth);
  }

  @Override
  public Outcome delete(UserId user) {
    try {
      auth().deleteUser(user.value());
      return Outcome.deleted();
    } catch (FirebaseAuthException e) {
      if (e.getAuthErrorCode() == AuthErrorCode.USER_NOT_FOUND) {
        return Outcome.deleted();
      }
      return Outcome.retryLater(
          e.getAuthErrorCode() != null
              ? e.getAuthErrorCode().name()
              : String.valueOf(e.getErrorCode()));
    } catch (IllegalArgumentException e) {
      // Not a Firebase uid at all (the token said it was): nothing to delete there.
      return Outcome.deleted();
    }
  }
}
