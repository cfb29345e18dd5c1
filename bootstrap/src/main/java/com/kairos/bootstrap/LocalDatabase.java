package com.kairos.bootstrap;

import com.kairos.postgres.DatabaseUrl;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A PostgreSQL the server starts itself when {@code DATABASE_URL} is unset in development. Only the
 * development build ({@code dev-server}) ships one, found through {@link ServiceLoader}, so the
 * production jar carries no database binaries.
 */
public interface LocalDatabase extends AutoCloseable {

  /** What to tell someone who runs a build without one and without {@code DATABASE_URL}. */
  String MISSING =
      "DATABASE_URL is not set and this build has no embedded PostgreSQL: set DATABASE_URL"
          + " (e.g. postgres://user:password@host:5432/kairos), or run the development build"
          + " (scripts/dev.sh or java -jar dev-server/target/kairos-dev-server.jar)";

  /** Where clients connect. */
  DatabaseUrl url();

  @Override
  void close();

  /** Starts a local database keeping its data under a directory; registered as a service. */
  interface Factory {
    LocalDatabase start(Path dataDir);
  }

  /** The factory on the class path, if this build has one. */
  static Optional<Factory> factory() {
    return ServiceLoader.load(Factory.class).findFirst();
  }
}
