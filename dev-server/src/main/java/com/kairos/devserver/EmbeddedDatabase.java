package com.kairos.devserver;

import com.kairos.bootstrap.LocalDatabase;
import com.kairos.postgres.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local-development PostgreSQL: an embedded server (binaries from a Maven artifact) whose data
 * lives in {@code <KAIROS_DATA_DIR>/postgres} and survives restarts. Development build only.
 */
public final class EmbeddedDatabase implements LocalDatabase {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /** Registered in {@code META-INF/services} for {@link LocalDatabase#factory()}. */
  public static final class Factory implements LocalDatabase.Factory {
    @Override
    public LocalDatabase start(Path dataDir) {
      return EmbeddedDatabase.start(dataDir);
    }
  }

  static EmbeddedDatabase start(Path dataDir) {
    Path directory = dataDir.resolve("postgres").toAbsolutePath();
    try {
      Files.createDirectories(directory);
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(directory)
              .setCleanDataDirectory(false)
              .start();
      LOG.atInfo().addKeyValue("data_dir", directory.toString()).log("embedded PostgreSQL started");
      return new EmbeddedDatabase(postgres);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
    }
  }

  @Override
  public DatabaseUrl url() {
    return DatabaseUrl.of(
        "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres", "postgres", null);
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      LOG.warn("embedded PostgreSQL did not stop cleanly", e);
    }
  }
}
