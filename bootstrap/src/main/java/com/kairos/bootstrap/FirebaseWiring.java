package com.kairos.bootstrap;

import com.kairos.application.port.IdentityVerifier;
import com.kairos.application.port.UserDirectory;
import com.kairos.firebase.FirebaseIdentityVerifier;
import com.kairos.firebase.FirebaseSettings;
import com.kairos.firebase.FirebaseUserDirectory;
import com.kairos.firebase.VerifiedTokenCache;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Firebase ports of a request: ID-token verification and the participant check. */
final class FirebaseWiring {
  private static final Logger LOG = LoggerFactory.getLogger(KairosServer.class);

  private FirebaseWiring() {}

  /**
   * Firebase verification, with verified tokens remembered for up to five minutes unless the
   * revocation check is on (benchmarks showed RS256 verification dominating cheap reads).
   */
  static IdentityVerifier identityVerifier(KairosConfig config, Clock clock) {
    IdentityVerifier firebase =
        FirebaseIdentityVerifier.create(
            new FirebaseSettings(
                config.firebaseProjectId(),
                config.firebaseClientEmail(),
                config.firebasePrivateKey(),
                config.firebaseCheckRevoked(),
                config.firebaseTestCertificates()),
            clock);
    return config.firebaseCheckRevoked()
        ? firebase
        : new VerifiedTokenCache(firebase, clock, Duration.ofMinutes(5), 10_000);
  }

  /** Invitees looked up in Firebase Auth (found ids remembered ten minutes), or not at all. */
  static UserDirectory userDirectory(KairosConfig config, Clock clock) {
    if (!config.participantCheck()) {
      LOG.info("participant ids are not checked against Firebase (PARTICIPANT_CHECK=off)");
      return UserDirectory.unchecked();
    }
    return FirebaseUserDirectory.create(
        new FirebaseSettings(
            config.firebaseProjectId(),
            config.firebaseClientEmail(),
            config.firebasePrivateKey(),
            false,
            null),
        clock,
        Duration.ofMinutes(10));
  }
}
