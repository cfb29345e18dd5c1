package com.kairos.bootstrap;

import com.kairos.application.account.ProcessAccountJobs;
import com.kairos.application.account.RevokedAccounts;
import com.kairos.application.port.DependencyUnavailable;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The small periodic jobs of an instance, on two daemon threads so that a slow sweep never delays
 * the revocation refresh: learning other instances' account deletions (every second) and running
 * the account jobs (every 5 s, hourly purge). The expiry sweep is scheduled beside them.
 */
final class BackgroundJobs {
  private static final Logger LOG = LoggerFactory.getLogger(BackgroundJobs.class);

  private BackgroundJobs() {}

  static ScheduledExecutorService scheduler() {
    AtomicInteger n = new AtomicInteger();
    return Executors.newScheduledThreadPool(
        2,
        r -> {
          Thread t = new Thread(r, "kairos-background-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  static void schedule(
      ScheduledExecutorService scheduler, RevokedAccounts revoked, ProcessAccountJobs jobs) {
    scheduler.scheduleWithFixedDelay(
        () -> run("revocation_refresh", revoked::refresh), 0, 1, TimeUnit.SECONDS);
    scheduler.scheduleWithFixedDelay(
        () -> run("account_jobs", jobs::runDue), 2, 5, TimeUnit.SECONDS);
    scheduler.scheduleWithFixedDelay(
        () -> run("account_jobs_purge", jobs::purge), 1, 60, TimeUnit.MINUTES);
  }

  /** One run with its own id in every log line; failures are logged and the job runs again. */
  private static void run(String job, Runnable work) {
    MDC.put("job", job);
    MDC.put("run_id", UUID.randomUUID().toString());
    try {
      work.run();
    } catch (DependencyUnavailable e) {
      LOG.debug("background job skipped: the database is not available");
    } catch (RuntimeException e) {
      LOG.error("background job failed; it will run again", e);
    } finally {
      MDC.remove("job");
      MDC.remove("run_id");
    }
  }
}
