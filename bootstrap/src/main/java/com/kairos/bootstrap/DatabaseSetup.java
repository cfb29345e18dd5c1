package com.kairos.bootstrap;

import com.kairos.postgres.DatabaseUrl;
import com.kairos.postgres.PoolSettings;
import com.kairos.postgres.PostgresAdapter;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;

/**
 * Where and how the server reaches PostgreSQL: the URL with the TLS and pooler parameters it needs,
 * the request pool, and a start-up failure explained in words an operator can act on (never with
 * the password, which is not part of any URL or message here).
 */
final class DatabaseSetup {
  private DatabaseSetup() {}

  /**
   * {@code DATABASE_URL} as the server uses it: {@code sslmode=require} added when {@code
   * DATABASE_SSL} is on and the URL names no mode; {@code prepareThreshold=0} added behind a
   * transaction pooler (no named server-side prepared statements, which would outlive the
   * transaction that made them) unless the URL chooses otherwise, e.g. for PgBouncer 1.21+ with
   * {@code max_prepared_statements}.
   */
  static DatabaseUrl external(String raw, boolean ssl, boolean transactionPooling) {
    DatabaseUrl url = DatabaseUrl.parse(raw);
    if (ssl && !url.jdbcUrl().contains("sslmode=")) {
      url = with(url, "sslmode=require");
    }
    if (transactionPooling && !url.jdbcUrl().contains("prepareThreshold=")) {
      url = with(url, "prepareThreshold=0");
    }
    return url;
  }

  private static DatabaseUrl with(DatabaseUrl url, String parameter) {
    String jdbc = url.jdbcUrl();
    return DatabaseUrl.of(
        jdbc + (jdbc.contains("?") ? "&" : "?") + parameter, url.user(), url.password());
  }

  /**
   * Where the push dispatcher LISTENs: DATABASE_LISTEN_URL; else DATABASE_URL on a direct
   * connection; else (behind a transaction pooler, where LISTEN cannot work) nowhere: it polls.
   */
  static DatabaseUrl listenUrl(KairosConfig config, DatabaseUrl url) {
    String listen = config.platform().databaseListenUrl();
    if (listen != null) {
      return DatabaseSetup.external(listen, config.databaseSsl(), false);
    }
    return config.platform().transactionPooling() ? null : url;
  }

  /** The request pool; a database that cannot be reached fails here, with a clear message. */
  static HikariDataSource pool(DatabaseUrl url, PoolSettings settings, Object registry) {
    try {
      return PostgresAdapter.pool(url.jdbcUrl(), url.user(), url.password(), settings, registry);
    } catch (RuntimeException e) {
      throw explain(e);
    }
  }

  /** A failure to connect, said plainly: TLS trust and host name problems above all. */
  static IllegalStateException explain(RuntimeException e) {
    String chain = messages(e).toLowerCase(Locale.ROOT);
    String what;
    if (chain.contains("hostname") && chain.contains("could not be verified")) {
      what =
          "the database's TLS certificate does not name the host in DATABASE_URL"
              + " (sslmode=verify-full checks it): connect by a name the certificate holds";
    } else if (chain.contains("pkix") || chain.contains("certificate")) {
      what =
          "the database's TLS certificate is not trusted: sslrootcert in DATABASE_URL must name"
              + " the CA that signed it (for Cloud SQL, the instance's server CA)";
    } else if (chain.contains("ssl") || chain.contains("tls")) {
      what = "the TLS handshake with the database failed (check sslmode and the server's ssl)";
    } else {
      what = "the database could not be reached";
    }
    return new IllegalStateException(
        "cannot connect to PostgreSQL: " + what + "; the driver said: " + root(e), e);
  }

  private static String messages(Throwable e) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
    }
    return all.toString();
  }

  private static String root(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }
}
