package com.kairos.application.account;

import static com.kairos.domain.testing.Fixtures.ALICE;
import static com.kairos.domain.testing.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.kairos.application.port.IdentityAccounts;
import com.kairos.application.testing.UseCaseTest;
import com.kairos.domain.common.UserId;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Firebase user of a deleted account is deleted, retried until it is. */
class ProcessAccountJobsTest extends UseCaseTest {
  private final List<UserId> asked = new ArrayList<>();
  private final Deque<IdentityAccounts.Outcome> answers = new ArrayDeque<>();
  private final IdentityAccounts firebase =
      user -> {
        asked.add(user);
        return answers.isEmpty() ? IdentityAccounts.Outcome.deleted() : answers.poll();
      };
  private final ProcessAccountJobs jobs =
      new ProcessAccountJobs(backend.transactions, backend.jobs, firebase, backend.clock, () -> 0);

  @Test
  void theDeletionQueuesOneJobThatDeletesTheProviderUser() {
    uc.deleteAccount().delete(ALICE, NOW);

    assertThat(jobs.runDue()).isEqualTo(1);
    assertThat(asked).containsExactly(ALICE);
    assertThat(jobs.runDue()).isZero();
    assertThat(backend.transactions.inTransaction(() -> backend.jobs.pending())).isZero();
  }

  @Test
  void aFailedDeletionIsRetriedWithBackoffUntilItSucceeds() {
    uc.deleteAccount().delete(ALICE, NOW);
    answers.add(IdentityAccounts.Outcome.retryLater("UNAVAILABLE"));
    answers.add(IdentityAccounts.Outcome.retryLater("UNAVAILABLE"));

    assertThat(jobs.runDue()).isEqualTo(1);
    backend.clock.advance(Duration.ofMillis(2_499));
    assertThat(jobs.runDue()).isZero();
    backend.clock.advance(Duration.ofMillis(1));
    assertThat(jobs.runDue()).isEqualTo(1);
    backend.clock.advance(Duration.ofSeconds(5));
    assertThat(jobs.runDue()).isEqualTo(1);

    assertThat(asked).containsExactly(ALICE, ALICE, ALICE);
    assertThat(backend.transactions.inTransaction(() -> backend.jobs.pending())).isZero();
  }

  @Test
  void aProviderThatThrowsIsRetriedToo() {
    uc.deleteAccount().delete(ALICE, NOW);
    ProcessAccountJobs throwing =
        new ProcessAccountJobs(
            backend.transactions,
            backend.jobs,
            u -> {
              throw new IllegalStateException("sdk bug");
            },
            backend.clock,
            () -> 0);

    assertThat(throwing.runDue()).isEqualTo(1);
    assertThat(backend.transactions.inTransaction(() -> backend.jobs.pending())).isEqualTo(1);
  }

  @Test
  void backoffDoublesToAnHour() {
    assertThat(jobs.backoff(1)).isEqualTo(Duration.ofMillis(2_500));
    assertThat(jobs.backoff(2)).isEqualTo(Duration.ofSeconds(5));
    assertThat(jobs.backoff(40)).isEqualTo(Duration.ofMinutes(30));
  }
}
