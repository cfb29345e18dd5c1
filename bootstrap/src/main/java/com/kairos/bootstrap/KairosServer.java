package com.kairos.bootstrap;

import com.kairos.application.UseCases;
import com.kairos.application.account.RevokedAccountsVerifier;
import com.kairos.application.cursor.CursorCodec;
import com.kairos.application.port.DependencyUnavailable;
import com.kairos.application.port.IdentityVerifier;
import com.kairos.application.port.RateLimiter;
import com.kairos.bootstrap.tracing.SqlSpans;
import com.kairos.bootstrap.tracing.Telemetry;
import com.kairos.bootstrap.tracing.TracedPorts;
import com.kairos.domain.common.IdGenerator;
import com.kairos.http.ApiSettings;
import com.kairos.http.HttpApi;
import com.kairos.http.HttpMetrics;
import com.kairos.http.InMemoryRateLimiter;
import com.kairos.http.RequestTracing;
import com.kairos.migrations.Migrations;
import com.kairos.postgres.DatabaseUrl;
import com.kairos.postgres.PgRateLimiter;
import com.kairos.postgres.PoolSettings;
import com.kairos.postgres.PostgresAdapter;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The composition root: wires the database, migrations, adapters and use cases into a running HTTP
 * server with its expiry sweep, and takes it all down again in order.
 */
public final class KairosServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KairosServer.class);

  private final LocalDatabase embedded;
  private final HikariDataSource pool;
  private final HttpApi api;
  private final ScheduledExecutorService scheduler;
  private final DatabaseReadiness readiness;
  private final PushDelivery push;
  private final Telemetry telemetry;

  private KairosServer(
      LocalDatabase embedded,
      HikariDataSource pool,
      HttpApi api,
      ScheduledExecutorService scheduler,
      DatabaseReadiness readiness,
      PushDelivery push,
      Telemetry telemetry) {
    this.telemetry = telemetry;
    this.embedded = embedded;
    this.pool = pool;
    this.api = api;
    this.scheduler = scheduler;
    this.readiness = readiness;
    this.push = push;
  }

  /** Starts everything {@code config} describes; identity verification per the config. */
  public static KairosServer start(KairosConfig config, Clock clock) {
    return start(config, clock, null);
  }

  /** As {@link #start(KairosConfig, Clock)}, with an identity verifier supplied by the caller. */
  static KairosServer start(KairosConfig config, Clock clock, IdentityVerifier verifierOverride) {
    LocalDatabase embedded = null;
    HikariDataSource pool = null;
    DatabaseReadiness readiness = null;
    PushDelivery push = null;
    Telemetry telemetry = Telemetry.create(config.platform().otel());
    try {
      DatabaseUrl url;
      if (config.databaseUrl() == null) {
        embedded =
            LocalDatabase.factory()
                .orElseThrow(() -> new IllegalStateException(LocalDatabase.MISSING))
                .start(config.dataDir());
        url = embedded.url();
      } else {
        url =
            DatabaseSetup.external(
                config.databaseUrl(), config.databaseSsl(), config.platform().transactionPooling());
      }
      PrometheusMeterRegistry registry = config.featureMetrics() ? registry() : null;
      PoolSettings poolSettings =
          config
              .capacity()
              .pool(
                  config.databasePoolMin(),
                  config.databasePoolMax(),
                  config.platform().transactionPooling());
      pool = DatabaseSetup.pool(url, poolSettings, registry);
      // Migrations get plain connections without the pool's statement timeout.
      Migrations migrations =
          new Migrations(PostgresAdapter.unpooled(url.jdbcUrl(), url.user(), url.password()));
      if (config.migrateOnStart()) {
        int applied = migrations.migrate();
        LOG.atInfo().addKeyValue("applied", applied).log("database migrations checked");
      }
      Tracer tracer = telemetry.recording() ? telemetry.tracer() : null;
      PostgresAdapter postgres =
          new PostgresAdapter(pool, poolSettings, tracer == null ? null : new SqlSpans(tracer));
      readiness = new DatabaseReadiness(postgres::isReachable, migrations);
      push =
          PushDelivery.create(
              config.push(),
              postgres,
              traced(
                  tracer,
                  PushSenders.create(config, clock),
                  (sender, t) ->
                      TracedPorts.pushes(
                          sender, t, config.push().provider().name().toLowerCase(Locale.ROOT))),
              registry,
              clock);
      UseCases useCases =
          UseCases.create(
              new UseCases.Ports(
                  traced(
                      tracer,
                      registry == null
                          ? postgres.transactions()
                          : new TimedTransactions(postgres.transactions(), registry),
                      TracedPorts::transactions),
                  postgres.negotiations(),
                  postgres.history(),
                  postgres.queries(),
                  postgres.sweep(),
                  postgres.events(),
                  postgres.profiles(),
                  traced(tracer, FirebaseWiring.userDirectory(config, clock), TracedPorts::users),
                  postgres.devices(),
                  push.outbox(),
                  postgres.deletions(),
                  postgres.jobs()),
              IdGenerator.random(),
              new CursorCodec(config.cursorSecret()),
              clock);
      // Outside the verifier and its cache: a deleted account's remembered tokens die too.
      IdentityVerifier verifier =
          new RevokedAccountsVerifier(
              traced(
                  tracer,
                  verifierOverride != null
                      ? verifierOverride
                      : FirebaseWiring.identityVerifier(config, clock),
                  TracedPorts::identities),
              useCases.revokedAccounts());
      BuildInfo build = BuildInfo.load();
      KairosConfig.RateLimitSettings limits = config.rateLimits();
      RateLimiter limiter =
          limits.shared() ? new PgRateLimiter(pool) : new InMemoryRateLimiter(clock);
      HttpApi api =
          new HttpApi(
                  useCases,
                  verifier,
                  limiter,
                  registry == null ? HttpMetrics.disabled() : new HttpMetrics(registry),
                  registry == null ? null : registry::scrape,
                  new ApiSettings(
                      config.corsAllowedOrigins(),
                      config.requestIdHeader(),
                      new ApiSettings.VersionInfo(
                          build.version(),
                          config.environment().name().toLowerCase(Locale.ROOT),
                          build.buildTimestamp(),
                          build.commit()),
                      readiness,
                      new ApiSettings.RateLimits(
                          limits.global(),
                          limits.perUser(),
                          limits.perUserWrite(),
                          limits.anonymous(),
                          limits.burst()),
                      config.capacity().http()),
                  clock)
              .tracing(new RequestTracing(telemetry.openTelemetry()))
              .start(config.host(), config.port());
      ScheduledExecutorService scheduler = BackgroundJobs.scheduler();
      Counter expired =
          registry == null
              ? null
              : Counter.builder("kairos.negotiations").tag("event", "expired").register(registry);
      scheduler.scheduleWithFixedDelay(
          () -> sweep(useCases, expired, limiter),
          config.expirySweepIntervalSeconds(),
          config.expirySweepIntervalSeconds(),
          TimeUnit.SECONDS);
      BackgroundJobs.schedule(
          scheduler,
          useCases.revokedAccounts(),
          AccountJobsWiring.processor(config, postgres, clock, tracer));
      push.start(url, DatabaseSetup.listenUrl(config, url));
      LOG.atInfo()
          .addKeyValue("port", api.port())
          .addKeyValue("environment", config.environment().name().toLowerCase(Locale.ROOT))
          .addKeyValue("version", build.version())
          .log("kairos server started");
      return new KairosServer(embedded, pool, api, scheduler, readiness, push, telemetry);
    } catch (RuntimeException e) {
      telemetry.close();
      if (push != null) {
        push.close();
      }
      if (readiness != null) {
        readiness.close();
      }
      if (pool != null) {
        pool.close();
      }
      if (embedded != null) {
        embedded.close();
      }
      throw e;
    }
  }

  private static PrometheusMeterRegistry registry() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    return registry;
  }

  /** {@code port} wrapped in its spans when tracing records ({@code tracer} not null). */
  private static <P> P traced(Tracer tracer, P port, BiFunction<P, Tracer, P> wrap) {
    return tracer == null ? port : wrap.apply(port, tracer);
  }

  private static void sweep(UseCases useCases, Counter expired, RateLimiter limiter) {
    // Lines of a background run carry its own id, as request lines carry the request's.
    MDC.put("job", "expiry_sweep");
    MDC.put("run_id", UUID.randomUUID().toString());
    try {
      int count = useCases.expireDueNegotiations().sweep();
      if (expired != null) {
        expired.increment(count);
      }
      if (limiter instanceof PgRateLimiter shared) {
        shared.purgeExpired();
      }
    } catch (DependencyUnavailable e) {
      LOG.warn("expiry sweep skipped: the database is not available; it will run again");
    } catch (RuntimeException e) {
      LOG.error("expiry sweep failed; it will run again", e);
    } finally {
      MDC.remove("job");
      MDC.remove("run_id");
    }
  }

  public int port() {
    return api.port();
  }

  /** Stops accepting, lets in-flight requests finish, then closes the pool and the database. */
  @Override
  public void close() {
    LOG.info("kairos server stopping");
    scheduler.shutdownNow();
    push.stopListening();
    api.stop();
    push.close();
    readiness.close();
    pool.close();
    if (embedded != null) {
      embedded.close();
    }
    telemetry.close();
    LOG.info("kairos server stopped");
  }
}
