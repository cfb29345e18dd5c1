package com.kairos.firebase;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to verify Firebase ID tokens. Only {@code projectId} is required: verifying a token needs no
 * service account. {@code clientEmail}/{@code privateKey} (PEM) enable real credentials, which the
 * revocation check needs; {@code certificatesFile} replaces Google's public certificates (tests and
 * benchmarks only). Emulator mode is firebase-admin's own {@code FIREBASE_AUTH_EMULATOR_HOST}.
 */
public record FirebaseSettings(
    String projectId,
    String clientEmail,
    String privateKey,
    boolean checkRevoked,
    Path certificatesFile) {

  public FirebaseSettings {
    Objects.requireNonNull(projectId, "projectId");
  }

  @Override
  public String toString() {
    return "FirebaseSettings[projectId="
        + projectId
        + ", credentials="
        + (privateKey == null ? "none" : "service account (redacted)")
        + ", checkRevoked="
        + checkRevoked
        + ", certificatesFile="
        + certificatesFile
        + "]";
  }
}
