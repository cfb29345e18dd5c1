package com.kairos.postgres;

import com.kairos.application.port.DependencyUnavailable;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a database that is down, failing over or overloaded from a query that went wrong: the first
 * becomes {@link DependencyUnavailable} ({@code 503}, retried by the client), the second stays what
 * it is. Only the SQLSTATE is logged: driver messages may carry connection details.
 */
final class DatabaseFailures {
  static final String DEPENDENCY = "database";
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseFailures.class);

  /**
   * SQLSTATEs of an unavailable database: the server shutting down or starting (57P01-57P03), too
   * many connections (53300), a statement or lock timeout (57014, 55P03), and every connection
   * exception (class 08).
   */
  private static final Set<String> UNAVAILABLE =
      Set.of("57P01", "57P02", "57P03", "53300", "57014", "55P03");

  private DatabaseFailures() {}

  /** True when {@code e} says the database could not be reached or did not answer in time. */
  static boolean isUnavailable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof ConnectException
          || t instanceof SocketTimeoutException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08") || UNAVAILABLE.contains(state)) {
          return true;
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /** {@code e} translated for the caller: a 503 when the database is unavailable, else itself. */
  static RuntimeException translate(RuntimeException e) {
    if (!isUnavailable(e)) {
      return e;
    }
    LOG.atWarn()
        .addKeyValue("sqlstate", String.valueOf(JdbiTransactions.SqlStates.of(e)))
        .addKeyValue("failure", rootType(e))
        .log("database unavailable");
    return new DependencyUnavailable(DEPENDENCY, "The database is not available");
  }

  private static String rootType(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName();
  }
}
