package com.kairos.bootstrap;

import com.kairos.application.port.DependencyUnavailable;
import com.kairos.application.push.DispatchPushes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The dispatcher's thread in this instance: runs rounds while there is due work, then sleeps until
 * woken by a commit (the PostgreSQL listener calls {@link #wake}), until the next retry falls due,
 * or at most {@code pollInterval} (the fallback when no notification arrives). Measures the backlog
 * and purges old rows on the side. {@link #close} lets the round in flight finish for a grace
 * period, then interrupts it, which hands unsent rows back to the outbox.
 */
final class PushDispatchLoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PushDispatchLoop.class);
  private static final Duration MEASURE_EVERY = Duration.ofSeconds(5);
  private static final Duration PURGE_EVERY = Duration.ofHours(1);
  private static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(1);

  private final DispatchPushes dispatcher;
  private final int batchSize;
  private final Duration pollInterval;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition woken = lock.newCondition();
  private final Thread thread;
  private boolean pending;
  private volatile boolean running = true;
  private Instant lastMeasure = Instant.MIN;
  private Instant lastPurge = Instant.MIN;

  PushDispatchLoop(DispatchPushes dispatcher, int batchSize, Duration pollInterval, Clock clock) {
    this.dispatcher = dispatcher;
    this.batchSize = batchSize;
    this.pollInterval = pollInterval;
    this.clock = clock;
    this.thread = new Thread(this::loop, "push-dispatcher");
    thread.setDaemon(true);
  }

  PushDispatchLoop start() {
    thread.start();
    return this;
  }

  /** Something was committed to the outbox: run a round now. */
  void wake() {
    lock.lock();
    try {
      pending = true;
      woken.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void loop() {
    MDC.put("job", "push_dispatch");
    while (running) {
      try {
        int claimed = dispatcher.dispatchDue();
        housekeeping();
        if (claimed < batchSize) {
          sleep(untilNextDue());
        }
      } catch (InterruptedException e) {
        return;
      } catch (DependencyUnavailable e) {
        LOG.warn("push dispatch paused: the database is not available");
        if (!pause()) {
          return;
        }
      } catch (RuntimeException e) {
        LOG.error("push dispatch round failed; it will run again", e);
        if (!pause()) {
          return;
        }
      }
    }
  }

  private void housekeeping() {
    Instant now = clock.instant();
    if (Duration.between(lastMeasure, now).compareTo(MEASURE_EVERY) >= 0) {
      lastMeasure = now;
      dispatcher.measureBacklog();
    }
    if (Duration.between(lastPurge, now).compareTo(PURGE_EVERY) >= 0) {
      lastPurge = now;
      dispatcher.purge();
    }
  }

  private Duration untilNextDue() {
    Optional<Instant> next = dispatcher.nextDue();
    if (next.isEmpty()) {
      return pollInterval;
    }
    Duration wait = Duration.between(clock.instant(), next.get());
    if (wait.isNegative()) {
      return Duration.ZERO;
    }
    return wait.compareTo(pollInterval) < 0 ? wait : pollInterval;
  }

  /** Waits up to {@code max} unless woken; a wake-up that came during the round counts. */
  private void sleep(Duration max) throws InterruptedException {
    lock.lock();
    try {
      long nanos = max.toNanos();
      while (!pending && nanos > 0 && running) {
        nanos = woken.awaitNanos(nanos);
      }
      pending = false;
    } finally {
      lock.unlock();
    }
  }

  private boolean pause() {
    try {
      sleep(PAUSE_AFTER_FAILURE);
      return true;
    } catch (InterruptedException e) {
      return false;
    }
  }

  /** Stops claiming; the round in flight gets {@code grace} to finish, then hands back the rest. */
  void close(Duration grace) {
    running = false;
    wake();
    try {
      thread.join(grace.toMillis());
      if (thread.isAlive()) {
        thread.interrupt();
        thread.join(TimeUnit.SECONDS.toMillis(2));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(5));
  }
}
