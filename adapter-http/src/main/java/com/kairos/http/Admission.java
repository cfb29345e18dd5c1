package com.kairos.http;

import com.kairos.http.json.ApiError;
import com.kairos.http.route.Caller;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds the work one instance takes on, so that an overloaded or unavailable database costs a fast
 * answer instead of a pile of waiting threads. An authenticated request passes three gates in
 * order: its user's in-flight cap (else 429), reading its body in full (a body that stalls is a
 * 408), then a permit for database-bound work, waiting at most {@code queueTimeout} in a queue of
 * at most {@code maxQueued} (else 503 {@code capacity}). The body is read before the permit is
 * taken so that slow uploads never hold database capacity.
 */
final class Admission {
  private final ApiSettings.Capacity capacity;
  private final Semaphore permits;
  private final AtomicInteger queued = new AtomicInteger();
  private final Map<String, AtomicInteger> perUser = new ConcurrentHashMap<>();
  private final HttpMetrics metrics;

  Admission(ApiSettings.Capacity capacity, HttpMetrics metrics) {
    this.capacity = capacity;
    this.permits = new Semaphore(capacity.maxInFlight(), true);
    this.metrics = metrics;
  }

  /** {@code handler} behind the three gates. */
  Handler guard(Handler handler) {
    return ctx -> {
      String user = Caller.of(ctx).userId().value();
      enterUser(user);
      try {
        readBody(ctx);
        acquirePermit();
        try {
          handler.handle(ctx);
        } finally {
          permits.release();
        }
      } finally {
        leaveUser(user);
      }
    };
  }

  private void enterUser(String user) {
    AtomicInteger count = perUser.computeIfAbsent(user, u -> new AtomicInteger());
    if (count.incrementAndGet() > capacity.maxInFlightPerUser()) {
      leaveUser(user);
      metrics.rateLimited("user_in_flight");
      throw new ApiError(
          429,
          "rate_limit_exceeded",
          "Too many requests in flight for this account; retry in 1 s",
          Map.of("retry_after_seconds", 1),
          Map.of("Retry-After", "1"));
    }
  }

  private void leaveUser(String user) {
    perUser.computeIfPresent(user, (u, count) -> count.decrementAndGet() <= 0 ? null : count);
  }

  private void acquirePermit() throws InterruptedException {
    if (permits.tryAcquire()) {
      return;
    }
    if (queued.incrementAndGet() > capacity.maxQueued()) {
      queued.decrementAndGet();
      throw shed();
    }
    try {
      if (!permits.tryAcquire(capacity.queueTimeout().toNanos(), TimeUnit.NANOSECONDS)) {
        throw shed();
      }
    } finally {
      queued.decrementAndGet();
    }
  }

  private ApiError shed() {
    metrics.error("shed");
    return atCapacity();
  }

  /** 503 {@code capacity}: what a shed request gets, from this gate or from Jetty. */
  static ApiError atCapacity() {
    return new ApiError(
        503,
        "service_unavailable",
        "The server is at capacity; retry shortly",
        Map.of("dependency", "capacity"),
        Map.of("Retry-After", "1"));
  }

  /**
   * Reads the body now (Javalin keeps it for the handler). Jetty cuts a body that arrives slower
   * than the configured minimum rate or stalls past the request idle timeout; either ends here as a
   * 408 in the envelope rather than as an unexplained failure.
   */
  private static void readBody(Context ctx) throws Exception {
    if (ctx.req().getContentLengthLong() == 0) {
      return;
    }
    try {
      ctx.bodyAsBytes();
    } catch (HttpResponseException | ApiError e) {
      throw e;
    } catch (Exception e) { // Kotlin code may throw IOException undeclared
      if (isReadFailure(e)) {
        throw timeout();
      }
      throw e;
    }
  }

  private static boolean isReadFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException || t instanceof TimeoutException) {
        return true;
      }
    }
    return false;
  }

  static ApiError timeout() {
    return new ApiError(
        408,
        "request_timeout",
        "The request body arrived too slowly",
        Map.of(),
        Map.of("Connection", "close"));
  }

  /** Requests currently waiting for a permit (for tests and metrics). */
  int queued() {
    return queued.get();
  }
}
