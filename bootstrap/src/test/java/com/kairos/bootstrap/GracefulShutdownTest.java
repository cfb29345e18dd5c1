package com.kairos.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kairos.application.port.IdentityVerifier;
import com.kairos.application.port.VerifiedIdentity;
import com.kairos.domain.common.UserId;
import com.kairos.domain.testing.Fixtures;
import com.kairos.http.testing.ApiClient;
import com.kairos.postgres.DatabaseUrl;
import com.kairos.postgres.testing.TestDatabase;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Stopping the server lets a request already being handled finish, then refuses new ones. */
class GracefulShutdownTest {

  @Test
  void anInFlightRequestCompletesWhileTheServerStops() throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    IdentityVerifier slow =
        token -> {
          inside.countDown();
          try {
            Thread.sleep(1500);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return new VerifiedIdentity(new UserId("slow-user"), null);
        };
    DatabaseUrl db = TestDatabase.createDatabase();
    KairosConfig config =
        KairosConfig.from(
            Map.of(
                "PORT", "0",
                "HOST", "127.0.0.1",
                "DATABASE_URL", db.jdbcUrl() + "?user=" + db.user(),
                "CURSOR_SECRET", "graceful-shutdown-test-cursor-secret!!"));
    KairosServer server = KairosServer.start(config, Clock.systemUTC(), slow);
    ApiClient client = new ApiClient("http://127.0.0.1:" + server.port());

    CompletableFuture<ApiClient.Answer> inFlight =
        CompletableFuture.supplyAsync(() -> client.get("/me", Fixtures.ALICE));
    assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
    server.close();

    ApiClient.Answer answer = inFlight.get(10, TimeUnit.SECONDS);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.data().get("firebase_uid").asText()).isEqualTo("slow-user");
    assertThatThrownBy(() -> client.get("/health", null)).isInstanceOf(RuntimeException.class);
  }
}
