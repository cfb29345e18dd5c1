package com.kairos.postgres;

import com.kairos.application.UseCases;
import com.kairos.application.port.AccountJobs;
import com.kairos.application.port.DeletedAccounts;
import com.kairos.application.port.DeviceRepository;
import com.kairos.application.port.EventRepository;
import com.kairos.application.port.NegotiationHistory;
import com.kairos.application.port.NegotiationQueries;
import com.kairos.application.port.NegotiationStore;
import com.kairos.application.port.NegotiationSweep;
import com.kairos.application.port.PushOutbox;
import com.kairos.application.port.Transactions;
import com.kairos.application.port.UserDirectory;
import com.kairos.application.port.UserProfileRepository;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.core.statement.StatementExceptions.MessageRendering;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.postgresql.ds.PGSimpleDataSource;

/** The PostgreSQL implementations of every persistence port, sharing one transaction handle. */
public final class PostgresAdapter {
  private final Jdbi jdbi;
  private final Transactions transactions;
  private final NegotiationStore negotiations;
  private final NegotiationHistory history;
  private final NegotiationQueries queries;
  private final NegotiationSweep sweep;
  private final EventRepository events;
  private final UserProfileRepository profiles;
  private final DeviceRepository devices;
  private final PushOutbox outbox;
  private final DeletedAccounts deletions;
  private final AccountJobs jobs;

  public PostgresAdapter(DataSource dataSource) {
    this(dataSource, null, null);
  }

  /**
   * The adapter on the server's pool. With {@code settings} saying the pool sits behind a
   * transaction pooler, every unit of work opens a transaction that first applies the session
   * timeouts locally; {@code sqlLogger} (or null) observes each statement (for tracing).
   */
  public PostgresAdapter(DataSource dataSource, PoolSettings settings, SqlLogger sqlLogger) {
    this.jdbi = Jdbi.create(dataSource).installPlugin(new PostgresPlugin());
    if (sqlLogger != null) {
      jdbi.getConfig(SqlStatements.class).setSqlLogger(sqlLogger);
    }
    // Bound values include encrypted blobs: keep them (and the SQL) out of exception messages,
    // so that no log line can ever carry one.
    jdbi.getConfig(StatementExceptions.class).setMessageRendering(MessageRendering.NONE);
    // Rows bind every column; an UPDATE uses only the ones it changes.
    jdbi.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
    CurrentHandle current = new CurrentHandle();
    this.transactions =
        new JdbiTransactions(
            jdbi,
            current,
            settings != null && settings.transactionPooling()
                ? settings.transactionSettingsSql()
                : null);
    this.negotiations = new PgNegotiationStore(current);
    this.history = new PgNegotiationHistory(current);
    this.queries = new PgNegotiationQueries(current);
    this.sweep = new ExpirySweep(current);
    this.events = new PgEventRepository(current);
    this.profiles = new PgUserProfileRepository(current);
    this.devices = new PgDeviceRepository(current);
    this.outbox = new PgPushOutbox(current);
    this.deletions = new PgDeletedAccounts(current);
    this.jobs = new PgAccountJobs(current);
  }

  /**
   * A pooled data source without session timeouts (tests, benchmarks, tools). {@code jdbcUrl}
   * carries no credentials; they come separately so that the URL can be logged.
   */
  public static HikariDataSource pool(
      String jdbcUrl, String user, String password, int minIdle, int maxSize) {
    HikariConfig config = baseConfig(jdbcUrl, user, password, minIdle, maxSize);
    return new HikariDataSource(config);
  }

  /**
   * The server's pool: bounded waits and session timeouts from {@code settings}, so that a database
   * that is down or stuck answers in about a second instead of holding every request. {@code
   * meterRegistry} (a Micrometer MeterRegistry, or null) receives the pool's usage metrics; it is
   * typed as Object so that this adapter does not depend on Micrometer.
   */
  public static HikariDataSource pool(
      String jdbcUrl, String user, String password, PoolSettings settings, Object meterRegistry) {
    HikariConfig config =
        baseConfig(jdbcUrl, user, password, settings.minIdle(), settings.maxSize());
    if (meterRegistry != null) {
      config.setMetricRegistry(meterRegistry);
    }
    long waitMillis = settings.connectionTimeout().toMillis();
    config.setConnectionTimeout(waitMillis);
    config.setValidationTimeout(Math.max(250, Math.min(waitMillis, 1000)));
    long connectSeconds = Math.max(1, (waitMillis * 2 + 999) / 1000);
    config.addDataSourceProperty("connectTimeout", String.valueOf(connectSeconds));
    config.addDataSourceProperty("loginTimeout", String.valueOf(connectSeconds));
    config.addDataSourceProperty(
        "socketTimeout", String.valueOf(Math.max(1, settings.socketTimeout().toSeconds())));
    config.addDataSourceProperty("tcpKeepAlive", "true");
    if (settings.transactionPooling()) {
      // A transaction pooler hands each transaction to any server session: nothing is set per
      // session (PgBouncer refuses the options startup parameter); JdbiTransactions sets the
      // timeouts per transaction instead.
      config.setTransactionIsolation(null);
    } else {
      config.addDataSourceProperty("options", settings.sessionOptions());
    }
    return new HikariDataSource(config);
  }

  /**
   * A data source that opens one plain connection per use, with no session timeouts: for
   * migrations, whose statements may legitimately run longer than a request's.
   */
  public static DataSource unpooled(String jdbcUrl, String user, String password) {
    PGSimpleDataSource source = new PGSimpleDataSource();
    source.setURL(jdbcUrl);
    if (user != null) {
      source.setUser(user);
    }
    if (password != null) {
      source.setPassword(password);
    }
    source.setConnectTimeout(5);
    source.setLogServerErrorDetail(false);
    source.setApplicationName("kairos-migrations");
    return source;
  }

  private static HikariConfig baseConfig(
      String jdbcUrl, String user, String password, int minIdle, int maxSize) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setMinimumIdle(minIdle);
    config.setMaximumPoolSize(maxSize);
    config.setPoolName("kairos");
    config.setAutoCommit(true);
    // Every use case runs READ COMMITTED; set once when a connection opens, not per transaction.
    config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    // Without this the driver inlines bound values (encrypted blobs among them) and the
    // server's "failing row contains" detail into exception messages.
    config.addDataSourceProperty("logServerErrorDetail", "false");
    config.addDataSourceProperty("ApplicationName", "kairos-server");
    return config;
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

  public NegotiationStore negotiations() {
    return negotiations;
  }

  public NegotiationHistory history() {
    return history;
  }

  public NegotiationQueries queries() {
    return queries;
  }

  public NegotiationSweep sweep() {
    return sweep;
  }

  public EventRepository events() {
    return events;
  }

  public UserProfileRepository profiles() {
    return profiles;
  }

  /** Every port the use cases take; {@code users} says which participant ids exist. */
  public UseCases.Ports ports(UserDirectory users) {
    return new UseCases.Ports(
        transactions,
        negotiations,
        history,
        queries,
        sweep,
        events,
        profiles,
        users,
        devices,
        outbox,
        deletions,
        jobs);
  }

  public DeviceRepository devices() {
    return devices;
  }

  public PushOutbox outbox() {
    return outbox;
  }

  /** When deleted accounts were deleted: what refuses their older tokens. */
  public DeletedAccounts deletions() {
    return deletions;
  }

  /** The outbox of work account deletions leave (the Firebase user's deletion). */
  public AccountJobs jobs() {
    return jobs;
  }
}
