package com.kairos.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Wakes the dispatcher when a transaction that queued pushes commits: {@code LISTEN} on a
 * connection of its own (outside the pool, which it would otherwise hold forever). When the
 * database goes away it reconnects with a growing pause; meanwhile the dispatcher's polling carries
 * on alone.
 */
public final class PgPushListener implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PgPushListener.class);
  private static final int WAIT_MILLIS = 1_000;
  private static final String ADMIN_SHUTDOWN = "57P01";
  private static final Duration MAX_PAUSE = Duration.ofSeconds(30);

  private final DataSource dataSource;
  private final Runnable onCommit;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile Connection connection;

  /**
   * @param dataSource opens the listening connection (an unpooled source: one long-lived session)
   * @param onCommit called on this listener's thread after a commit that queued pushes
   */
  public PgPushListener(DataSource dataSource, Runnable onCommit) {
    this.dataSource = dataSource;
    this.onCommit = onCommit;
    this.thread = new Thread(this::listen, "push-listener");
    thread.setDaemon(true);
  }

  public PgPushListener start() {
    thread.start();
    return this;
  }

  /** Whether a LISTEN session is open right now (for tests and readiness). */
  public boolean isListening() {
    return connection != null;
  }

  private void listen() {
    long pauseMillis = 250;
    while (running) {
      try (Connection c = dataSource.getConnection();
          Statement s = c.createStatement()) {
        s.execute("LISTEN " + PgPushOutbox.CHANNEL);
        connection = c;
        pauseMillis = 250;
        // Whatever committed while no one listened is found by the first round.
        onCommit.run();
        PGConnection pg = c.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] notes = pg.getNotifications(WAIT_MILLIS);
          if (notes != null && notes.length > 0) {
            onCommit.run();
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (!running) {
          return;
        }
        String sqlState = e instanceof SQLException sql ? sql.getSQLState() : null;
        // 57P01 (admin_shutdown): the database is being stopped on purpose, a restart or this
        // process's own embedded database stopping; reconnecting failures still warn.
        LOG.atLevel(ADMIN_SHUTDOWN.equals(sqlState) ? Level.INFO : Level.WARN)
            .log(
                "push listener lost its database session, polling only until it is back"
                    + " error={} sqlstate={}",
                e.getClass().getSimpleName(),
                sqlState);
      } finally {
        connection = null;
      }
      try {
        Thread.sleep(pauseMillis);
      } catch (InterruptedException e) {
        return;
      }
      pauseMillis = Math.min(pauseMillis * 2, MAX_PAUSE.toMillis());
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
