package com.kairos.firebase;

import com.google.api.client.http.HttpTransport;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;
import com.google.firebase.auth.FirebaseAuth;
import com.google.firebase.auth.FirebaseAuthException;
import com.google.firebase.auth.UidIdentifier;
import com.google.firebase.auth.UserIdentifier;
import com.google.firebase.auth.UserRecord;
import com.kairos.application.port.DependencyUnavailable;
import com.kairos.application.port.UserDirectory;
import com.kairos.domain.common.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks Firebase Authentication (the Auth Emulator when {@code FIREBASE_AUTH_EMULATOR_HOST} is set)
 * which user ids exist, with firebase-admin's {@code getUsers}: at most 100 ids per call, the API's
 * limit. Ids found are remembered for {@code ttl}, so inviting the same friends again costs no
 * call; ids not found are never remembered, since a user may sign up a second later. Needs a
 * service account outside the emulator.
 */
public final class FirebaseUserDirectory implements UserDirectory {
  static final int BATCH = 100;
  private static final Logger LOG = LoggerFactory.getLogger(FirebaseUserDirectory.class);

  private final FirebaseAuth auth;
  private final Clock clock;
  private final Duration ttl;
  private final int maxEntries;
  private final ConcurrentHashMap<UserId, Instant> known = new ConcurrentHashMap<>();

  FirebaseUserDirectory(FirebaseAuth auth, Clock clock, Duration ttl, int maxEntries) {
    this.auth = auth;
    this.clock = clock;
    this.ttl = ttl;
    this.maxEntries = maxEntries;
  }

  /** A directory with its own FirebaseApp; found ids are remembered for {@code ttl}. */
  public static FirebaseUserDirectory create(FirebaseSettings settings, Clock clock, Duration ttl) {
    FirebaseOptions options =
        FirebaseOptions.builder()
            .setProjectId(settings.projectId())
            .setCredentials(FirebaseIdentityVerifier.credentials(settings))
            .build();
    FirebaseApp app = FirebaseApp.initializeApp(options, "kairos-users-" + UUID.randomUUID());
    return new FirebaseUserDirectory(FirebaseAuth.getInstance(app), clock, ttl, 100_000);
  }

  /** For tests: a directory whose HTTP calls go to {@code transport}. */
  static FirebaseUserDirectory withTransport(
      String projectId, HttpTransport transport, Clock clock, Duration ttl) {
    FirebaseOptions options =
        FirebaseOptions.builder()
            .setProjectId(projectId)
            .setCredentials(GoogleCredentials.create(new AccessToken("test-only", null)))
            .setHttpTransport(transport)
            .build();
    FirebaseApp app = FirebaseApp.initializeApp(options, "kairos-users-" + UUID.randomUUID());
    return new FirebaseUserDirectory(FirebaseAuth.getInstance(app), clock, ttl, 100_000);
  }

  @Override
  public Set<UserId> unknown(Collection<UserId> ids) {
    Instant now = clock.instant();
    List<UserId> toAsk =
        ids.stream()
            .distinct()
            .filter(
                id -> {
                  Instant until = known.get(id);
                  return until == null || !now.isBefore(until);
                })
            .toList();
    Set<UserId> unknown = new LinkedHashSet<>();
    for (int from = 0; from < toAsk.size(); from += BATCH) {
      List<UserId> batch = toAsk.subList(from, Math.min(from + BATCH, toAsk.size()));
      Set<String> found = lookUp(batch);
      for (UserId id : batch) {
        if (found.contains(id.value())) {
          remember(id, now.plus(ttl));
        } else {
          unknown.add(id);
        }
      }
    }
    return unknown;
  }

  private Set<String> lookUp(List<UserId> batch) {
    List<UserIdentifier> identifiers =
        batch.stream().map(id -> (UserIdentifier) new UidIdentifier(id.value())).toList();
    try {
      return auth.getUsers(identifiers).getUsers().stream()
          .map(UserRecord::getUid)
          .collect(Collectors.toSet());
    } catch (FirebaseAuthException e) {
      LOG.atWarn().addKeyValue("error_code", e.getErrorCode()).log("Firebase user lookup failed");
      throw new DependencyUnavailable("firebase", "Firebase Authentication did not answer");
    }
  }

  private void remember(UserId id, Instant until) {
    if (known.size() >= maxEntries) {
      Instant now = clock.instant();
      known.values().removeIf(u -> !now.isBefore(u));
      if (known.size() >= maxEntries) {
        known.clear(); // a flood of distinct ids: start over rather than grow
      }
    }
    known.put(id, until);
  }

  int remembered() {
    return known.size();
  }
}
