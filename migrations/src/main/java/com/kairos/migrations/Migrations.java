package com.kairos.migrations;

import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

/**
 * Applies and inspects the Flyway migrations under {@code db/migration}. The server runs {@link
 * #migrate()} at start-up (when configured to) and asks {@link #isCurrent()} for readiness.
 */
public final class Migrations {
  private final Flyway flyway;

  public Migrations(DataSource dataSource) {
    this.flyway =
        Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .failOnMissingLocations(true)
            .validateMigrationNaming(true)
            .cleanDisabled(true)
            .load();
  }

  /** Applies pending migrations; returns how many were applied (0 when already current). */
  public int migrate() {
    return flyway.migrate().migrationsExecuted;
  }

  /** True when every known migration has been applied and none failed. */
  public boolean isCurrent() {
    for (MigrationInfo info : flyway.info().all()) {
      MigrationState state = info.getState();
      if (state.isFailed() || state == MigrationState.PENDING) {
        return false;
      }
    }
    return flyway.info().current() != null;
  }

  /** The version of the newest applied migration, if any. */
  public Optional<String> currentVersion() {
    MigrationInfo current = flyway.info().current();
    return current == null ? Optional.empty() : Optional.of(current.getVersion().getVersion());
  }
}
