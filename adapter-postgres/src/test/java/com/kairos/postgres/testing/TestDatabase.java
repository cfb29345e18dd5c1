package com.kairos.postgres.testing;

import com.kairos.migrations.Migrations;
import com.kairos.postgres.DatabaseUrl;
import com.kairos.postgres.PostgresAdapter;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * A real PostgreSQL for tests, one server per JVM: {@code KAIROS_TEST_DATABASE_URL} when set (the
 * role needs CREATEDB), else a Testcontainers container when a Docker engine answers, else an
 * embedded PostgreSQL whose binaries come from a Maven artifact. Every caller gets a database of
 * its own with the migrations applied.
 */
public final class TestDatabase {
  private static final Logger LOG = LoggerFactory.getLogger(TestDatabase.class);
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static DatabaseUrl server;

  private TestDatabase() {}

  /** A new, migrated database and a pool of up to {@code poolSize} connections to it. */
  public static HikariDataSource fresh(int poolSize) {
    DatabaseUrl url = createDatabase();
    HikariDataSource pool =
        PostgresAdapter.pool(url.jdbcUrl(), url.user(), url.password(), 1, poolSize);
    new Migrations(pool).migrate();
    return pool;
  }

  /** A new, empty database (no migrations applied) on the test server. */
  public static DatabaseUrl createDatabase() {
    DatabaseUrl base = server();
    String name = "kairos_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    try (Connection c = DriverManager.getConnection(base.jdbcUrl(), base.user(), base.password());
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a test database", e);
    }
    return base.withDatabase(name);
  }

  /** Where the server is, for tests that start a whole application on it. */
  public static synchronized DatabaseUrl server() {
    if (server == null) {
      server = start();
    }
    return server;
  }

  private static DatabaseUrl start() {
    String configured = System.getenv("KAIROS_TEST_DATABASE_URL");
    if (configured != null && !configured.isBlank()) {
      LOG.info("test database: KAIROS_TEST_DATABASE_URL");
      return DatabaseUrl.parse(configured);
    }
    if (dockerAnswers()) {
      LOG.info("test database: Testcontainers");
      PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:17-alpine");
      container.start();
      Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
      return DatabaseUrl.of(
          container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }
    LOG.info("test database: embedded PostgreSQL");
    try {
      EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      embedded.close();
                    } catch (java.io.IOException e) {
                      LOG.warn("embedded PostgreSQL did not stop cleanly", e);
                    }
                  }));
      return DatabaseUrl.of(
          "jdbc:postgresql://localhost:" + embedded.getPort() + "/postgres", "postgres", null);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot start an embedded PostgreSQL", e);
    }
  }

  /**
   * Asks Testcontainers only when a Docker engine could be there: a {@code DOCKER_HOST}, a
   * Testcontainers configuration or a known socket. Without one, Testcontainers would log an ERROR
   * on a build that then passes on the embedded fallback.
   */
  private static boolean dockerAnswers() {
    if (!dockerMayBeThere()) {
      return false;
    }
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  private static boolean dockerMayBeThere() {
    String home = System.getProperty("user.home", "");
    String runtime = System.getenv("XDG_RUNTIME_DIR");
    List<Path> candidates =
        new ArrayList<>(
            List.of(
                Path.of("/var/run/docker.sock"),
                Path.of(home, ".testcontainers.properties"),
                Path.of(home, ".docker", "run", "docker.sock"),
                Path.of(home, ".docker", "desktop", "docker.sock"),
                Path.of(home, ".colima", "default", "docker.sock"),
                Path.of(home, ".rd", "docker.sock")));
    if (runtime != null) {
      candidates.add(Path.of(runtime, "docker.sock"));
    }
    String host = System.getenv("DOCKER_HOST");
    return (host != null && !host.isBlank()) || candidates.stream().anyMatch(Files::exists);
  }
}
