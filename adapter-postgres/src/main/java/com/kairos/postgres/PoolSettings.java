package com.kairos.postgres;

import java.time.Duration;
import java.util.Objects;

/**
 * How the connection pool behaves when the database is slow or gone. {@code connectionTimeout}
 * bounds the wait for a pooled connection (and so how long a request waits on a database that is
 * down); {@code statementTimeout} and {@code lockTimeout} are set on every session, so a stuck
 * query or lock is cancelled by PostgreSQL instead of holding a connection; {@code socketTimeout}
 * ends a read from a server that vanished without closing the connection. With {@code
 * transactionPooling} (PgBouncer or another pooler in transaction mode in front of PostgreSQL) no
 * session state is relied on: the timeouts are set with {@code SET LOCAL} semantics at the start of
 * every transaction instead of in the startup packet, and the isolation level is the database's
 * default (READ COMMITTED).
 */
public record PoolSettings(
    int minIdle,
    int maxSize,
    Duration connectionTimeout,
    Duration statementTimeout,
    Duration lockTimeout,
    Duration socketTimeout,
    boolean transactionPooling) {

  /** Settings for a direct connection to PostgreSQL. */
  public PoolSettings(
      int minIdle,
      int maxSize,
      Duration connectionTimeout,
      Duration statementTimeout,
      Duration lockTimeout,
      Duration socketTimeout) {
    this(minIdle, maxSize, connectionTimeout, statementTimeout, lockTimeout, socketTimeout, false);
  }

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
        + idleInTransactionMillis();
  }

  /**
   * The same settings for one transaction only (set_config with is_local = true, i.e. SET LOCAL),
   * as one statement: sent with the transaction's BEGIN, it costs one round trip.
   */
  String transactionSettingsSql() {
    return "SELECT set_config('statement_timeout', '"
        + statementTimeout.toMillis()
        + "', true), set_config('lock_timeout', '"
        + lockTimeout.toMillis()
        + "', true), set_config('idle_in_transaction_session_timeout', '"
        + idleInTransactionMillis()
        + "', true)";
  }

  private long idleInTransactionMillis() {
    return Math.max(statementTimeout.toMillis() * 4, 10_000);
  }
}
