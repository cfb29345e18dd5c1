package com.kairos.bootstrap;

import com.kairos.firebase.testing.TestTokens;
import com.kairos.postgres.DatabaseUrl;
import java.util.HashMap;
import java.util.Map;

/**
 * The environment of a whole server under test: staging, a random loopback port, the test database,
 * real RS256 verification against the test certificates of {@code project}.
 */
final class TestServerEnv {
  private TestServerEnv() {}

  static Map<String, String> staging(DatabaseUrl db, String project) {
    Map<String, String> env = new HashMap<>();
    env.put("KAIROS_ENV", "staging");
    env.put("PORT", "0");
    env.put("HOST", "127.0.0.1");
    env.put(
        "DATABASE_URL",
        db.jdbcUrl()
            + "?user="
            + db.user()
            + (db.password() == null ? "" : "&password=" + db.password()));
    env.put("FIREBASE_PROJECT_ID", project);
    env.put("FIREBASE_TEST_CERTIFICATES", TestTokens.certificatesFile().toString());
    env.put("CURSOR_SECRET", "an-integration-test-cursor-secret-of-32+");
    return env;
  }

  /** {@link #staging} with limits no generated run reaches: it tests answers, not throttling. */
  static Map<String, String> stagingWithoutRateLimits(DatabaseUrl db, String project) {
    Map<String, String> env = staging(db, project);
    env.put("RATE_LIMIT_GLOBAL", "100000000");
    env.put("RATE_LIMIT_PER_USER", "1000000");
    env.put("RATE_LIMIT_PER_USER_WRITE", "1000000");
    env.put("RATE_LIMIT_ANONYMOUS", "1000000");
    env.put("RATE_LIMIT_BURST", "1000000");
    return env;
  }
}
