package com.kairos.postgres;

import com.kairos.application.port.Transactions;
import com.kairos.domain.port.EventRepository;
import com.kairos.domain.port.NegotiationRepository;
import com.kairos.domain.port.UserProfileRepository;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.core.statement.StatementExceptions.MessageRendering;
import org.jdbi.v3.postgres.PostgresPlugin;

/** The PostgreSQL implementations of every persistence port, sharing one transaction handle. */
public final class PostgresAdapter {
  private final Jdbi jdbi;
  private final Transactions transactions;
  private final NegotiationRepository negotiations;
  private final EventRepository events;
  private final UserProfileRepository profiles;

  public PostgresAdapter(DataSource dataSource) {
    this.jdbi = Jdbi.create(dataSource).installPlugin(new PostgresPlugin());
    // Bound values include encrypted blobs: keep them (and the SQL) out of exception messages,
    // so that no log line can ever carry one.
    jdbi.getConfig(StatementExceptions.class).setMessageRendering(MessageRendering.NONE);
    // Rows bind every column; an UPDATE uses only the ones it changes.
    jdbi.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
    CurrentHandle current = new CurrentHandle();
    this.transactions = new JdbiTransactions(jdbi, current);
    this.negotiations = new PgNegotiationRepository(current);
    this.events = new PgEventRepository(current);
    this.profiles = new PgUserProfileRepository(current);
  }

  /**
   * A pooled data source. {@code jdbcUrl} carries no credentials; they come separately so that the
   * URL can be logged.
   */
  public static HikariDataSource pool(
      String jdbcUrl, String user, String password, int minIdle, int maxSize) {
    return pool(jdbcUrl, user, password, minIdle, maxSize, null);
  }

  /**
   * As above; {@code meterRegistry} (a Micrometer MeterRegistry, or null) receives the pool's usage
   * metrics. Typed as Object so that this adapter does not depend on Micrometer.
   */
  public static HikariDataSource pool(
      String jdbcUrl,
      String user,
      String password,
      int minIdle,
      int maxSize,
      Object meterRegistry) {
    HikariConfig config = new HikariConfig();
    if (meterRegistry != null) {
      config.setMetricRegistry(meterRegistry);
    }
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setMinimumIdle(minIdle);
    config.setMaximumPoolSize(maxSize);
    config.setPoolName("kairos");
    config.setAutoCommit(true);
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    // Without this the driver inlines bound values (encrypted blobs among them) and the
    // server's "failing row contains" detail into exception messages.
    config.addDataSourceProperty("logServerErrorDetail", "false");
    config.addDataSourceProperty("ApplicationName", "kairos-server");
    return new HikariDataSource(config);
  }

  /** True when the database answers a trivial query. */
  public boolean isReachable() {
    try {
      return jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
    } catch (RuntimeException e) {
      return false;
    }
  }

  public Transactions transactions() {
    return transactions;
  }

  public NegotiationRepository negotiations() {
    return negotiations;
  }

  public EventRepository events() {
    return events;
  }

  public UserProfileRepository profiles() {
    return profiles;
  }
}
