package com.kairos.postgres;

import com.kairos.application.port.Transactions;
import com.kairos.domain.common.ConcurrentModification;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One READ COMMITTED transaction per use case. A lost race (a concurrent insert of the same id, a
 * version that moved, a serialization failure or deadlock) rolls back and reruns the whole unit of
 * work, up to {@value #ATTEMPTS} times.
 */
public final class JdbiTransactions implements Transactions {
  static final int ATTEMPTS = 3;
  private static final Logger LOG = LoggerFactory.getLogger(JdbiTransactions.class);

  private final Jdbi jdbi;
  private final CurrentHandle current;
  private final String transactionSettings;

  /**
   * @param transactionSettings run first in every unit of work, which then always opens a
   *     transaction (behind a transaction pooler); null on a direct connection, whose session
   *     carries the settings
   */
  JdbiTransactions(Jdbi jdbi, CurrentHandle current, String transactionSettings) {
    this.jdbi = jdbi;
    this.current = current;
    this.transactionSettings = transactionSettings;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    if (current.isOpen()) {
      return work.get(); // joins the enclosing transaction
    }
    try {
      return withRetries(work);
    } catch (RuntimeException e) {
      throw DatabaseFailures.translate(e);
    }
  }

  /** On a pooled connection in autocommit mode: no BEGIN, no COMMIT. */
  @Override
  public <T> T reading(Supplier<T> work) {
    if (current.isOpen()) {
      return work.get();
    }
    if (transactionSettings != null) {
      return inTransaction(work); // autocommit statements would run without the timeouts
    }
    try {
      return jdbi.withHandle(handle -> onHandle(handle, work));
    } catch (RuntimeException e) {
      throw DatabaseFailures.translate(e);
    }
  }

  /** Runs {@code work} with {@code handle} as the repositories' current handle. */
  private <T> T onHandle(Handle handle, Supplier<T> work) {
    if (transactionSettings != null && handle.isInTransaction()) {
      // Plain JDBC, not a Jdbi statement: no span, no statement hooks.
      try (Statement s = handle.getConnection().createStatement()) {
        s.execute(transactionSettings);
      } catch (SQLException e) {
        throw new ConnectionException(e);
      }
    }
    current.set(handle);
    try {
      return work.get();
    } finally {
      current.clear();
    }
  }

  private <T> T withRetries(Supplier<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        // No isolation level here: Jdbi would read and restore it around every transaction, a
        // round trip each (SHOW TRANSACTION ISOLATION LEVEL). The pool sets READ COMMITTED once
        // per connection instead.
        return jdbi.inTransaction(handle -> onHandle(handle, work));
      } catch (ConcurrentModification e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
        LOG.debug("transaction lost a race, retrying (attempt {})", attempt);
      } catch (JdbiException e) {
        if (attempt == ATTEMPTS || !isTransient(e)) {
          throw e;
        }
        LOG.debug("transient database conflict, retrying (attempt {})", attempt);
      }
    }
  }

  /** Serialization failures and deadlocks are worth a retry; nothing else is. */
  static boolean isTransient(Throwable e) {
    String state = SqlStates.of(e);
    return "40001".equals(state) || "40P01".equals(state);
  }

  /** Reads the SQLSTATE out of a wrapped exception chain. */
  static final class SqlStates {
    private SqlStates() {}

    static String of(Throwable e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
          return sql.getSQLState();
        }
      }
      return null;
    }
  }
}
