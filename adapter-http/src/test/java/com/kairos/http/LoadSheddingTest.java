package com.kairos.http;

import static com.kairos.domain.testing.Fixtures.ALICE;
import static com.kairos.domain.testing.Fixtures.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import com.kairos.application.UseCases;
import com.kairos.application.port.Transactions;
import com.kairos.application.port.UserDirectory;
import com.kairos.application.testing.InMemoryBackend;
import com.kairos.domain.common.UserId;
import com.kairos.http.testing.ApiClient.Answer;
import com.kairos.http.testing.ApiTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Bounded work: with every database permit taken and the queue full, the excess is refused at once
 * with 503 {@code capacity}, one account cannot hold more than its share, and requests that got in
 * complete normally once the blockage clears.
 */
class LoadSheddingTest extends ApiTest {
  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch entered = new CountDownLatch(2);

  @Override
  protected ApiSettings.Capacity capacity() {
    return new ApiSettings.Capacity(2, 1, Duration.ofSeconds(30), 3, 256, Duration.ofSeconds(10));
  }

  /** Every unit of work waits for {@link #release}: the database is "slow". */
  @Override
  protected UseCases useCases(InMemoryBackend b) {
    Transactions blocking =
        new Transactions() {
          @Override
          public <T> T inTransaction(Supplier<T> work) {
            entered.countDown();
            try {
              release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return b.transactions.inTransaction(work);
          }
        };
    return UseCases.create(
        new UseCases.Ports(
            blocking,
            b.negotiations,
            b.negotiations,
            b.negotiations,
            b.negotiations,
            b.events,
            b.profiles,
            UserDirectory.unchecked(),
            b.devices,
            b.outbox,
            b.deletions,
            b.jobs),
        b.ids,
        b.cursors,
        b.clock);
  }

  @AfterEach
  void unblock() {
    release.countDown();
  }

  private CompletableFuture<Answer> me(UserId who) {
    return CompletableFuture.supplyAsync(() -> client.get("/me", who));
  }

  @Test
  void theExcessIsShedWithServiceUnavailableWhileAdmittedRequestsSucceed() throws Exception {
    List<CompletableFuture<Answer>> admitted = new ArrayList<>();
    admitted.add(me(ALICE));
    admitted.add(me(BOB));
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    admitted.add(me(new UserId("carol-uid"))); // waits in the queue of one
    awaitQueued(1);

    Answer shed = client.get("/me", new UserId("dave-uid"));
    assertThat(shed.status()).as(shed.text()).isEqualTo(503);
    assertThat(shed.error().get("code").asText()).isEqualTo("service_unavailable");
    assertThat(shed.error().get("details").get("dependency").asText()).isEqualTo("capacity");
    assertThat(shed.header("Retry-After")).isEqualTo("1");
    assertThat(client.get("/health", null).status()).isEqualTo(200);

    release.countDown();
    for (CompletableFuture<Answer> a : admitted) {
      Answer answer = a.get(10, TimeUnit.SECONDS);
      assertThat(answer.status()).as(answer.text()).isEqualTo(200);
      assertThat(answer.data().get("firebase_uid").asText()).isNotBlank();
    }
    assertThat(client.get("/me", new UserId("dave-uid")).status()).isEqualTo(200);
  }

  @Test
  void oneAccountCannotHoldMoreThanItsShareOfRequests() throws Exception {
    List<CompletableFuture<Answer>> mine = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      mine.add(me(ALICE));
    }
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    awaitQueued(1);

    Answer fourth = client.get("/me", ALICE);
    assertThat(fourth.status()).as(fourth.text()).isEqualTo(429);
    assertThat(fourth.error().get("code").asText()).isEqualTo("rate_limit_exceeded");
    assertThat(fourth.error().get("details").get("retry_after_seconds").asInt()).isEqualTo(1);
    assertThat(fourth.header("Retry-After")).isEqualTo("1");

    release.countDown();
    for (CompletableFuture<Answer> a : mine) {
      assertThat(a.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
    }
    assertThat(client.get("/me", ALICE).status()).isEqualTo(200);
  }

  private void awaitQueued(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (api.queuedRequests() < count) {
      assertThat(System.nanoTime()).as("request never queued").isLessThan(deadline);
      Thread.sleep(5);
    }
  }
}
