package com.kairos.postgres;

import java.time.Duration;
import java.util.Objects;

/**
 * How the connection pool behaves when the database is slow or gone. {@code connectionTimeout}
 * bounds the wait for a pooled connection (and so how long a request waits on a database that is
 * down); {@code statementTimeout} and {@code lockTimeout} are set on every session, so a stuck
 * query or lock is cancelled by PostgreSQL instead of holding a connection; {@code socketTimeout}
 * ends a read from a server that vanished without closing the connection.
 */
public record PoolSettings(
    int minIdle,
    int maxSize,
    Duration connectionTimeout,
    Duration statementTimeout,
    Duration lockTimeout,
    Duration socketTimeout) {

  public PoolSettings {
    Objects.requireNonNull(connectionTimeout, "connectionTimeout");
    Objects.requireNonNull(statementTimeout, "statementTimeout");
    Objects.requireNonNull(lockTimeout, "lockTimeout");
    Objects.requireNonNull(socketTimeout, "socketTimeout");
    if (minIdle < 0 || maxSize < 1 || minIdle > maxSize) {
      throw new IllegalArgumentException("pool sizes must satisfy 0 <= min <= max, max >= 1");
    }
    if (connectionTimeout.toMillis() < 250) {
      throw new IllegalArgumentException("connectionTimeout must be at least 250 ms");
    }
  }

  /** PostgreSQL session options sent when a connection opens (no extra round trip). */
  String sessionOptions() {
    return "-c statement_timeout="
        + statementTimeout.toMillis()
        + " -c lock_timeout="
        + lockTimeout.toMillis()
        + " -c idle_in_transaction_session_timeout="
        + Math.max(statementTimeout.toMillis() * 4, 10_000);
  }
}
