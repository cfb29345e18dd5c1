package com.kairos.postgres;

import com.kairos.application.contract.PortsUnderTest;
import com.kairos.application.port.DeviceRepository;
import com.kairos.application.port.EventRepository;
import com.kairos.application.port.NegotiationHistory;
import com.kairos.application.port.NegotiationQueries;
import com.kairos.application.port.NegotiationStore;
import com.kairos.application.port.NegotiationSweep;
import com.kairos.application.port.PushOutbox;
import com.kairos.application.port.Transactions;
import com.kairos.application.port.UserProfileRepository;
import com.kairos.postgres.testing.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The PostgreSQL ports over one migrated test database shared by the contract suites. */
final class PostgresPorts implements PortsUnderTest {
  private static HikariDataSource dataSource;
  private static PostgresAdapter adapter;

  static synchronized PostgresPorts shared() {
    if (dataSource == null) {
      dataSource = TestDatabase.fresh(24);
      adapter = new PostgresAdapter(dataSource);
    }
    return new PostgresPorts();
  }

  static HikariDataSource dataSource() {
    return dataSource;
  }

  @Override
  public Transactions transactions() {
    return adapter.transactions();
  }

  @Override
  public NegotiationStore negotiations() {
    return adapter.negotiations();
  }

  @Override
  public NegotiationHistory history() {
    return adapter.history();
  }

  @Override
  public NegotiationQueries queries() {
    return adapter.queries();
  }

  @Override
  public NegotiationSweep sweep() {
    return adapter.sweep();
  }

  @Override
  public EventRepository events() {
    return adapter.events();
  }

  @Override
  public UserProfileRepository profiles() {
    return adapter.profiles();
  }

  @Override
  public DeviceRepository devices() {
    return adapter.devices();
  }

  @Override
  public PushOutbox outbox() {
    return adapter.outbox();
  }

  @Override
  public com.kairos.application.port.DeletedAccounts deletions() {
    return adapter.deletions();
  }

  @Override
  public com.kairos.application.port.AccountJobs jobs() {
    return adapter.jobs();
  }

  @Override
  public void reset() {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "TRUNCATE negotiations, events, app_users, devices, push_outbox, account_deletions,"
              + " account_jobs CASCADE");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
