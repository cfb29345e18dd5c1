package com.kairos.bootstrap;

import com.kairos.http.ApiSettings;
import com.kairos.migrations.Migrations;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Readiness with a bound: {@code /ready} waits at most {@link #WAIT_MS} for a probe of the database
 * (one probe at a time, shared by concurrent callers, on its own thread so it never takes a request
 * worker) and says 503 when it does not answer in time. Once the migrations have been seen current
 * they are not asked again (they cannot become un-applied); the schema version is the one read at
 * start-up or when they were first seen current, so {@code /version} never waits on the database.
 */
final class DatabaseReadiness implements ApiSettings.Readiness, AutoCloseable {
  static final long WAIT_MS = 800;

  private final BooleanSupplier reachable;
  private final Migrations migrations;
  private final ExecutorService prober;
  private volatile boolean migrationsCurrent;
  private volatile String schemaVersion;
  private CompletableFuture<String> inFlight;

  DatabaseReadiness(BooleanSupplier reachable, Migrations migrations) {
    this.reachable = reachable;
    this.migrations = migrations;
    this.prober =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "readiness-probe");
              t.setDaemon(true);
              return t;
            });
    try {
      this.schemaVersion = migrations.currentVersion().orElse(null);
    } catch (RuntimeException e) {
      this.schemaVersion = null;
    }
  }

  @Override
  public String unavailableDependency() {
    try {
      return probe().get(WAIT_MS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      return "database";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "database";
    }
  }

  @Override
  public String schemaVersion() {
    return schemaVersion;
  }

  /** The probe running now, or a new one; never more than one at a time. */
  private synchronized CompletableFuture<String> probe() {
    if (inFlight == null || inFlight.isDone()) {
      inFlight = CompletableFuture.supplyAsync(this::check, prober);
    }
    return inFlight;
  }

  private String check() {
    if (!reachable.getAsBoolean()) {
      return "database";
    }
    try {
      if (!migrationsCurrent) {
        if (!migrations.isCurrent()) {
          return "database_migrations";
        }
        schemaVersion = migrations.currentVersion().orElse(schemaVersion);
        migrationsCurrent = true;
      }
      return null;
    } catch (RuntimeException e) {
      return "database";
    }
  }

  @Override
  public void close() {
    prober.shutdownNow();
  }
}
