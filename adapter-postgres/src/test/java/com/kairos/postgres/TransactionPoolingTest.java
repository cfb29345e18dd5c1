package com.kairos.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.kairos.postgres.testing.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Behind a pooler in transaction mode nothing may rest on session state: the pool sets nothing per
 * session (no startup options), every unit of work is a transaction that applies the timeouts
 * locally, and they are gone once it ends.
 */
class TransactionPoolingTest {
  private static final PoolSettings POOLED =
      new PoolSettings(
          0,
          2,
          Duration.ofSeconds(1),
          Duration.ofMillis(4321),
          Duration.ofMillis(1234),
          Duration.ofSeconds(15),
          true);
  private static HikariDataSource pool;
  private static Jdbi jdbi;

  @BeforeAll
  static void start() {
    DatabaseUrl db = TestDatabase.createDatabase();
    pool = PostgresAdapter.pool(db.jdbcUrl(), db.user(), db.password(), POOLED, null);
    jdbi = Jdbi.create(pool);
  }

  @AfterAll
  static void stop() {
    pool.close();
  }

  private static List<String> settings(CurrentHandle current) {
    return current
        .get()
        .createQuery(
            "SELECT current_setting('statement_timeout') || ' ' || current_setting('lock_timeout')"
                + " || ' ' || current_setting('idle_in_transaction_session_timeout')"
                + " || ' ' || (now() = statement_timestamp())::text")
        .mapTo(String.class)
        .list();
  }

  @Test
  void everyUnitOfWorkAppliesTheTimeoutsToItsOwnTransaction() {
    CurrentHandle current = new CurrentHandle();
    JdbiTransactions transactions =
        new JdbiTransactions(jdbi, current, POOLED.transactionSettingsSql());

    assertThat(transactions.inTransaction(() -> settings(current)))
        .containsExactly("4321ms 1234ms 17284ms false");
    // Reads too run in a transaction (now() is the transaction's start, not the statement's).
    assertThat(transactions.reading(() -> settings(current)))
        .containsExactly("4321ms 1234ms 17284ms false");
  }

  @Test
  void theSessionItselfCarriesNothing() {
    String session =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT current_setting('statement_timeout') || ' '"
                            + " || current_setting('lock_timeout')")
                    .mapTo(String.class)
                    .one());
    assertThat(session).isEqualTo("0 0");
  }
}
