package com.kairos.bootstrap;

import com.kairos.http.ApiSettings;
import com.kairos.postgres.PoolSettings;
import java.time.Duration;

/**
 * Timeouts and caps that keep the server answering when the database is slow or gone, or clients
 * are slow or greedy. Every value has a production default; see docs/operations.md.
 */
public record CapacityConfig(
    int connectionTimeoutMs,
    int statementTimeoutMs,
    int lockTimeoutMs,
    int maxInFlight,
    int maxQueued,
    int queueTimeoutMs,
    int maxInFlightPerUser,
    int minBodyBytesPerSecond,
    int requestIdleTimeoutMs) {

  static CapacityConfig read(EnvReader r, int poolMax) {
    return new CapacityConfig(
        r.integer("DATABASE_CONNECTION_TIMEOUT_MS", 1000, 250, 60_000),
        r.integer("DATABASE_STATEMENT_TIMEOUT_MS", 5000, 100, 3_600_000),
        r.integer("DATABASE_LOCK_TIMEOUT_MS", 2000, 100, 3_600_000),
        r.integer("HTTP_MAX_IN_FLIGHT", poolMax, 1, 10_000),
        r.integer("HTTP_MAX_QUEUED", 100, 0, 10_000),
        r.integer("HTTP_QUEUE_TIMEOUT_MS", 500, 0, 60_000),
        r.integer("HTTP_MAX_IN_FLIGHT_PER_USER", 8, 1, 10_000),
        r.integer("HTTP_MIN_BODY_BYTES_PER_SECOND", 256, 0, 100_000_000),
        r.integer("HTTP_REQUEST_IDLE_TIMEOUT_MS", 10_000, 100, 600_000));
  }

  PoolSettings pool(int minIdle, int maxSize) {
    return pool(minIdle, maxSize, false);
  }

  /** {@code transactionPooling}: a pooler in transaction mode sits in front of PostgreSQL. */
  PoolSettings pool(int minIdle, int maxSize, boolean transactionPooling) {
    return new PoolSettings(
        minIdle,
        maxSize,
        Duration.ofMillis(connectionTimeoutMs),
        Duration.ofMillis(statementTimeoutMs),
        Duration.ofMillis(lockTimeoutMs),
        Duration.ofMillis(Math.max(statementTimeoutMs * 3L, 10_000)),
        transactionPooling);
  }

  ApiSettings.Capacity http() {
    return new ApiSettings.Capacity(
        maxInFlight,
        maxQueued,
        Duration.ofMillis(queueTimeoutMs),
        maxInFlightPerUser,
        minBodyBytesPerSecond,
        Duration.ofMillis(requestIdleTimeoutMs));
  }
}
