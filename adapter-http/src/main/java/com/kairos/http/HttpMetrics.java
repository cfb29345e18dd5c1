package com.kairos.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTTP adapter's meters. Labels are low-cardinality and never personal: route templates (never
 * raw paths), statuses, error codes, bucket kinds, negotiation events.
 */
public final class HttpMetrics {
  private static final Duration[] BUCKETS = {
    Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
    Duration.ofMillis(15), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
    Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
    Duration.ofSeconds(5)
  };
  private final MeterRegistry registry;

  public HttpMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Meters that go nowhere: metrics disabled. */
  public static HttpMetrics disabled() {
    return new HttpMetrics(new CompositeMeterRegistry());
  }

  private record RequestKey(String method, String route, int status) {}

  /** Timers by method, route template and status: registering one per request costs more. */
  private final Map<RequestKey, Timer> timers = new ConcurrentHashMap<>();

  void request(String method, String route, int status, Duration duration) {
    timers.computeIfAbsent(new RequestKey(method, route, status), this::timer).record(duration);
  }

  private Timer timer(RequestKey key) {
    return Timer.builder("http.server.requests")
        .description("HTTP requests by route template and status")
        .tag("method", key.method())
        .tag("route", key.route())
        .tag("status", String.valueOf(key.status()))
        // A histogram, not client-side percentiles: buckets from many instances can be summed,
        // so p50/p95/p99 come from histogram_quantile() over the whole fleet.
        .serviceLevelObjectives(BUCKETS)
        .register(registry);
  }

  void error(String code) {
    Counter.builder("kairos.errors")
        .description("Error responses by error.code")
        .tag("code", code)
        .register(registry)
        .increment();
  }

  void rateLimited(String bucket) {
    Counter.builder("kairos.rate.limit.refusals")
        .description("Requests refused with 429, by bucket kind")
        .tag("bucket", bucket)
        .register(registry)
        .increment();
  }

  /** A negotiation lifecycle event: started, replied, finalized (expired is the sweep's). */
  public void negotiation(String event) {
    Counter.builder("kairos.negotiations")
        .description("Negotiation lifecycle events")
        .tag("event", event)
        .register(registry)
        .increment();
  }
}
