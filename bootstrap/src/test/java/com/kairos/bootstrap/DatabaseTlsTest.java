package com.kairos.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS to PostgreSQL with certificate checks: a PostgreSQL with {@code ssl=on} and a certificate for
 * {@code localhost} issued by a test CA made here. The server connects with {@code
 * sslmode=verify-full}; another CA, or a host name the certificate does not hold, stops it at start
 * with a message that says so and never shows the password.
 */
class DatabaseTlsTest {
  private static final String PASSWORD = "tls-test-password-4c1e";
  @TempDir static Path dir;
  private static EmbeddedPostgres postgres;
  private static Path trustedCa;
  private static Path otherCa;

  @BeforeAll
  static void start() throws Exception {
    TestCertificates ca = new TestCertificates("Kairos Test CA");
    Path certs = Files.createDirectories(dir.resolve("server"));
    ca.writeServer("localhost", certs);
    trustedCa = ca.writeCa(dir.resolve("ca.pem"));
    otherCa = new TestCertificates("Some Other CA").writeCa(dir.resolve("other-ca.pem"));
    postgres =
        EmbeddedPostgres.builder()
            .setServerConfig("ssl", "on")
            .setServerConfig("ssl_cert_file", certs.resolve("server.crt").toString())
            .setServerConfig("ssl_key_file", certs.resolve("server.key").toString())
            .start();
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE kairos_tls");
    }
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  private static KairosConfig config(String host, Path rootCert) {
    Map<String, String> env = new HashMap<>();
    env.put("KAIROS_ENV", "staging");
    env.put("PORT", "0");
    env.put("HOST", "127.0.0.1");
    env.put(
        "DATABASE_URL",
        "postgres://postgres:"
            + PASSWORD
            + "@"
            + host
            + ":"
            + postgres.getPort()
            + "/kairos_tls?sslmode=verify-full&sslrootcert="
            + rootCert);
    env.put("CURSOR_SECRET", "a-tls-test-cursor-secret-of-32-bytes+");
    env.put("PUSH_PROVIDER", "none");
    return KairosConfig.from(env);
  }

  @Test
  void theServerConnectsWithVerifyFullWhenTheCaAndHostMatch() throws Exception {
    try (KairosServer server =
            KairosServer.start(config("localhost", trustedCa), Clock.systemUTC());
        Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet tls =
            s.executeQuery(
                "SELECT count(*) FILTER (WHERE s.ssl), count(*) FROM pg_stat_ssl s"
                    + " JOIN pg_stat_activity a USING (pid)"
                    + " WHERE a.application_name = 'kairos-server'")) {
      assertThat(server.port()).isPositive();
      assertThat(tls.next()).isTrue();
      assertThat(tls.getLong(2)).as("the server's pooled sessions").isPositive();
      assertThat(tls.getLong(1)).as("of which over TLS").isEqualTo(tls.getLong(2));
    }
  }

  @Test
  void aCertificateFromAnotherCaStopsTheStartWithAClearMessage() {
    assertThatThrownBy(() -> KairosServer.start(config("localhost", otherCa), Clock.systemUTC()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(
            "cannot connect to PostgreSQL: the database's TLS certificate is not trusted")
        .hasMessageContaining("sslrootcert")
        .hasMessageNotContaining(PASSWORD);
  }

  @Test
  void aHostNameTheCertificateDoesNotHoldStopsTheStartWithAClearMessage() {
    assertThatThrownBy(() -> KairosServer.start(config("127.0.0.1", trustedCa), Clock.systemUTC()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(
            "cannot connect to PostgreSQL: the database's TLS certificate does not name the host")
        .hasMessageNotContaining(PASSWORD);
  }
}
