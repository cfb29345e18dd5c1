package com.kairos.application.account;

import com.kairos.application.port.AccountJobs;
import com.kairos.application.port.IdentityAccounts;
import com.kairos.application.port.Transactions;
import com.kairos.application.push.Backoff;
import com.kairos.domain.common.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs what account deletions left to do elsewhere (deleting the identity provider's account):
 * claims due jobs under a lease, runs each, and records it done or due again after a backoff (5 s
 * doubling to an hour, with jitter). A job is retried until it succeeds: an account deleted here
 * must not stay at the identity provider.
 */
public final class ProcessAccountJobs {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessAccountJobs.class);
  static final Duration LEASE = Duration.ofMinutes(2);
  static final Duration BASE = Duration.ofSeconds(5);
  static final Duration CAP = Duration.ofHours(1);
  private static final Duration KEEP_DONE = Duration.ofDays(7);

  private final Transactions transactions;
  private final AccountJobs jobs;
  private final IdentityAccounts identities;
  private final Clock clock;
  private final DoubleSupplier random;

  public ProcessAccountJobs(
      Transactions transactions,
      AccountJobs jobs,
      IdentityAccounts identities,
      Clock clock,
      DoubleSupplier random) {
    this.transactions = transactions;
    this.jobs = jobs;
    this.identities = identities;
    this.clock = clock;
    this.random = random;
  }

  /** Runs every due job once; returns how many it ran. */
  public int runDue() {
    int ran = 0;
    List<AccountJobs.Job> batch;
    do {
      Instant now = Timestamps.now(clock);
      batch = transactions.inTransaction(() -> jobs.claim(now, LEASE, 20));
      for (AccountJobs.Job job : batch) {
        run(job);
        ran++;
      }
    } while (batch.size() == 20);
    return ran;
  }

  /** Deletes jobs done more than 7 days ago. */
  public int purge() {
    Instant before = Timestamps.now(clock).minus(KEEP_DONE);
    return transactions.inTransaction(() -> jobs.purge(before));
  }

  private void run(AccountJobs.Job job) {
    IdentityAccounts.Outcome outcome;
    try {
      outcome = identities.delete(job.user());
    } catch (RuntimeException e) {
      outcome = IdentityAccounts.Outcome.retryLater(e.getClass().getSimpleName());
    }
    Instant now = Timestamps.now(clock);
    if (outcome.done()) {
      transactions.run(() -> jobs.complete(job.id(), now));
      LOG.atInfo()
          .addKeyValue("job_id", job.id())
          .addKeyValue("attempts", job.attempts())
          .log("identity provider account deleted");
      return;
    }
    Instant due = now.plus(backoff(job.attempts()));
    String reason = outcome.reason();
    transactions.run(() -> jobs.retry(job.id(), due, reason));
    LOG.atWarn()
        .addKeyValue("job_id", job.id())
        .addKeyValue("attempts", job.attempts())
        .addKeyValue("reason", reason)
        .addKeyValue("retry_at", due)
        .log("identity provider account deletion failed; it will be retried");
  }

  /** base·2^(attempts-1), capped, of which a random half. */
  Duration backoff(int attempts) {
    return new Backoff(BASE, CAP, random).after(attempts);
  }
}
