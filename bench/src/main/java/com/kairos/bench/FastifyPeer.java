package com.kairos.bench;

import com.kairos.postgres.DatabaseUrl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The Fastify peer ({@code ../shared/peers/fastify}): installed into a copy, and its settings. */
final class FastifyPeer {
  private FastifyPeer() {}

  /** The peer's environment: the bench's database, project and test certificates, one process. */
  static Map<String, String> env(Bench bench, DatabaseUrl db) {
    java.net.URI uri = java.net.URI.create(db.jdbcUrl().substring("jdbc:".length()));
    Map<String, String> env = new HashMap<>();
    env.put(
        "DATABASE_URL",
        "postgres://"
            + db.user()
            + (db.password() == null ? "" : ":" + db.password())
            + "@127.0.0.1:"
            + uri.getPort()
            + uri.getPath());
    env.put("FIREBASE_PROJECT_ID", Bench.PROJECT);
    env.put("FIREBASE_TEST_CERTIFICATES", bench.certificates().toString());
    env.put("WORKERS", "1");
    env.put("PG_POOL_MAX", "16");
    return env;
  }

  /** A copy of the peer with its pinned dependencies installed (npm ci), outside shared/. */
  static Path install(Bench bench) throws IOException, InterruptedException {
    Path source = bench.root().resolve("../shared/peers/fastify").normalize();
    if (!Files.isDirectory(source)) {
      throw new IllegalStateException("the Fastify peer is not at " + source);
    }
    Path copy = bench.work().resolve("fastify");
    Files.createDirectories(copy);
    for (String file : List.of("package.json", "package-lock.json", "server.js")) {
      Files.copy(source.resolve(file), copy.resolve(file));
    }
    Bench.say("installing the Fastify peer (npm ci)");
    Process npm =
        new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
            .directory(copy.toFile())
            .inheritIO()
            .start();
    if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) {
      throw new IllegalStateException("npm ci of the Fastify peer failed");
    }
    return copy;
  }
}
