package com.kairos.firebase;

import com.google.api.client.http.HttpTransport;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;
import com.google.firebase.auth.AuthErrorCode;
import com.google.firebase.auth.FirebaseAuth;
import com.google.firebase.auth.FirebaseAuthException;
import com.google.firebase.auth.FirebaseToken;
import com.kairos.application.port.AuthenticationFailed;
import com.kairos.application.port.AuthenticationFailed.Reason;
import com.kairos.application.port.DependencyUnavailable;
import com.kairos.application.port.IdentityVerifier;
import com.kairos.application.port.VerifiedIdentity;
import com.kairos.domain.common.UserId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies Firebase ID tokens with firebase-admin: RS256 signature against Firebase's public keys
 * (cached as the SDK does), {@code aud}, {@code iss}, {@code exp}, {@code iat}, {@code sub}; then
 * what the SDK leaves out: {@code auth_time} in the past and a {@code sub} we accept as a user id.
 * Optionally checks revocation. Never logs or returns the token.
 */
public final class FirebaseIdentityVerifier implements IdentityVerifier {
  static final Duration SKEW = Duration.ofMinutes(5);
  private static final int MAX_TOKEN_CHARS = 8192;
  private static final Logger LOG = LoggerFactory.getLogger(FirebaseIdentityVerifier.class);

  private final FirebaseAuth auth;
  private final boolean checkRevoked;
  private final Clock clock;

  FirebaseIdentityVerifier(FirebaseAuth auth, boolean checkRevoked, Clock clock) {
    this.auth = auth;
    this.checkRevoked = checkRevoked;
    this.clock = clock;
  }

  /** A verifier with its own FirebaseApp instance (several may coexist, e.g. in tests). */
  public static FirebaseIdentityVerifier create(FirebaseSettings settings, Clock clock) {
    FirebaseOptions.Builder options =
        FirebaseOptions.builder()
            .setProjectId(settings.projectId())
            .setCredentials(credentials(settings));
    if (settings.certificatesFile() != null) {
      try {
        options.setHttpTransport(CertificateFileTransport.fromFile(settings.certificatesFile()));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the certificates file", e);
      }
    }
    FirebaseApp app = FirebaseApp.initializeApp(options.build(), "kairos-" + UUID.randomUUID());
    return new FirebaseIdentityVerifier(
        FirebaseAuth.getInstance(app), settings.checkRevoked(), clock);
  }

  /** For tests: a verifier whose public certificates come from {@code transport}. */
  static FirebaseIdentityVerifier withTransport(
      String projectId, HttpTransport transport, Clock clock) {
    FirebaseOptions options =
        FirebaseOptions.builder()
            .setProjectId(projectId)
            .setCredentials(verifyOnlyCredentials())
            .setHttpTransport(transport)
            .build();
    FirebaseApp app = FirebaseApp.initializeApp(options, "kairos-test-" + UUID.randomUUID());
    return new FirebaseIdentityVerifier(FirebaseAuth.getInstance(app), false, clock);
  }

  static GoogleCredentials credentials(FirebaseSettings settings) {
    if (settings.clientEmail() != null && settings.privateKey() != null) {
      try {
        return ServiceAccountCredentials.fromPkcs8(
            null, settings.clientEmail(), settings.privateKey().replace("\\n", "\n"), null, null);
      } catch (IOException e) {
        throw new IllegalArgumentException("FIREBASE_PRIVATE_KEY is not a PKCS#8 PEM key");
      }
    }
    return verifyOnlyCredentials();
  }

  /**
   * Token verification calls no authenticated Google API, so without a service account the app gets
   * a placeholder credential; features that need one (the revocation check) then fail loudly
   * instead of silently.
   */
  private static GoogleCredentials verifyOnlyCredentials() {
    return GoogleCredentials.create(new AccessToken("verify-only", null));
  }

  @Override
  public VerifiedIdentity verify(String token) {
    if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
      throw new AuthenticationFailed(Reason.INVALID_TOKEN, "the token is empty or too long");
    }
    FirebaseToken verified;
    try {
      verified = auth.verifyIdToken(token, checkRevoked);
    } catch (FirebaseAuthException e) {
      throw refusal(e);
    } catch (IllegalArgumentException e) {
      throw new AuthenticationFailed(Reason.INVALID_TOKEN, "the token could not be parsed");
    }
    Instant now = clock.instant();
    requirePast(verified.getClaims().get("iat"), now, "iat");
    requirePast(verified.getClaims().get("auth_time"), now, "auth_time");
    String uid = verified.getUid();
    if (!UserId.isValid(uid)) {
      throw new AuthenticationFailed(Reason.INVALID_TOKEN, "the token's subject is not a user id");
    }
    return new VerifiedIdentity(
        new UserId(uid),
        verified.getName(),
        seconds(verified.getClaims().get("exp")),
        seconds(verified.getClaims().get("iat")),
        seconds(verified.getClaims().get("auth_time")));
  }

  private static Instant seconds(Object claim) {
    return claim instanceof Number n ? Instant.ofEpochSecond(n.longValue()) : null;
  }

  private static void requirePast(Object claim, Instant now, String name) {
    if (!(claim instanceof Number)) {
      throw new AuthenticationFailed(Reason.INVALID_TOKEN, "the token has no " + name + " claim");
    }
    Instant at = Instant.ofEpochSecond(((Number) claim).longValue());
    if (at.isAfter(now.plus(SKEW))) {
      throw new AuthenticationFailed(
          Reason.INVALID_TOKEN, "the token's " + name + " is in the future");
    }
  }

  private static RuntimeException refusal(FirebaseAuthException e) {
    AuthErrorCode code = e.getAuthErrorCode();
    if (code == AuthErrorCode.EXPIRED_ID_TOKEN) {
      return new AuthenticationFailed(Reason.EXPIRED_TOKEN, "the token has expired");
    }
    if (code == AuthErrorCode.REVOKED_ID_TOKEN || code == AuthErrorCode.USER_DISABLED) {
      return new AuthenticationFailed(Reason.REVOKED_TOKEN, "the token was revoked");
    }
    if (code == AuthErrorCode.CERTIFICATE_FETCH_FAILED) {
      LOG.warn("Firebase public certificates could not be fetched");
      return new DependencyUnavailable("firebase", "Firebase public keys are unavailable");
    }
    if (code == AuthErrorCode.USER_NOT_FOUND) {
      return new AuthenticationFailed(Reason.INVALID_TOKEN, "the token's user does not exist");
    }
    return new AuthenticationFailed(Reason.INVALID_TOKEN, "the token did not verify");
  }
}
