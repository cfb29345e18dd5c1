package com.kairos.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kairos.migrations.Migrations;
import com.kairos.postgres.testing.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Migrations apply to an empty database, are idempotent, and their constraints hold. */
class MigrationsTest {

  @Test
  void migrationsApplyOnceAndReRunAsANoOp() {
    try (HikariDataSource db = TestDatabase.fresh(2)) { // fresh() has applied them once
      Migrations migrations = new Migrations(db);
      assertThat(migrations.isCurrent()).isTrue();
      assertThat(migrations.currentVersion()).contains("4");
      assertThat(migrations.migrate()).isZero();
      assertThat(migrations.migrate()).isZero();
      assertThat(migrations.isCurrent()).isTrue();
    }
  }

  @Test
  void theSchemaRefusesValuesOutsideItsEnumerations() throws SQLException {
    try (HikariDataSource db = TestDatabase.fresh(2);
        Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      assertThatThrownBy(
              () ->
                  s.execute(
                      "INSERT INTO app_users (id, firebase_uid, agent_mode_default, created_at,"
                          + " updated_at) VALUES (gen_random_uuid(), 'u', 'reckless', now(),"
                          + " now())"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("app_users_agent_mode_default_check");
      assertThatThrownBy(
              () ->
                  s.execute(
                      "INSERT INTO events (id, owner_id, source, status, starts_at, timezone,"
                          + " encrypted_blob_version, created_at, updated_at) VALUES"
                          + " (gen_random_uuid(), 'u', 'manual', 'confirmed', now(), 'UTC', 1,"
                          + " now(), now())"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("events_manual_has_payload");
    }
  }

  @Test
  void anEmptyDatabaseIsNotCurrentUntilMigrated() throws SQLException {
    try (HikariDataSource db = TestDatabase.fresh(2)) {
      try (Connection c = db.getConnection();
          Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA public CASCADE");
        s.execute("CREATE SCHEMA public");
      }
      Migrations migrations = new Migrations(db);
      assertThat(migrations.isCurrent()).isFalse();
      assertThat(migrations.migrate()).isEqualTo(4);
      assertThat(migrations.isCurrent()).isTrue();
    }
  }
}
