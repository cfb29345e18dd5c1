package com.kairos.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.kairos.domain.testing.Fixtures;
import com.kairos.http.testing.ApiClient;
import com.kairos.http.testing.ApiClient.Answer;
import com.kairos.http.testing.TestIdentityVerifier;
import com.kairos.postgres.DatabaseUrl;
import com.kairos.postgres.testing.TestDatabase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Several instances behind a load balancer: with RATE_LIMIT_STORE=postgres they share a limit. */
class SharedRateLimitTest {

  private static List<Integer> alternate(String store) {
    DatabaseUrl db = TestDatabase.createDatabase();
    Map<String, String> env = new HashMap<>();
    env.put("PORT", "0");
    env.put("HOST", "127.0.0.1");
    env.put("DATABASE_URL", db.jdbcUrl() + "?user=" + db.user());
    env.put("CURSOR_SECRET", "shared-rate-limit-test-cursor-secret!!");
    env.put("RATE_LIMIT_STORE", store);
    env.put("RATE_LIMIT_PER_USER", "3");
    env.put("RATE_LIMIT_BURST", "3");
    KairosConfig config = KairosConfig.from(env);
    try (KairosServer one =
            KairosServer.start(config, Clock.systemUTC(), new TestIdentityVerifier());
        KairosServer two =
            KairosServer.start(config, Clock.systemUTC(), new TestIdentityVerifier())) {
      ApiClient first = new ApiClient("http://127.0.0.1:" + one.port());
      ApiClient second = new ApiClient("http://127.0.0.1:" + two.port());
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        Answer a = (i % 2 == 0 ? first : second).get("/me", Fixtures.ALICE);
        statuses.add(a.status());
      }
      assertThat(first.get("/me", Fixtures.BOB).status()).isEqualTo(200);
      return statuses;
    }
  }

  @Test
  void twoInstancesOnOnePostgresShareAUsersLimit() {
    assertThat(alternate("postgres")).containsExactly(200, 200, 200, 429, 429, 429);
  }

  @Test
  void inMemoryBucketsAreOnePerInstance() {
    assertThat(alternate("memory")).containsExactly(200, 200, 200, 200, 200, 200);
  }
}
