package com.kairos.postgres;

import static com.kairos.domain.testing.Fixtures.BOB;
import static com.kairos.domain.testing.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.device.Device;
import com.kairos.domain.device.InstallationId;
import com.kairos.domain.device.Platform;
import com.kairos.domain.device.PushToken;
import com.kairos.domain.notification.Notice;
import com.kairos.domain.notification.NotificationKind;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** LISTEN/NOTIFY: a commit that queued pushes wakes the listener; an empty one does not need to. */
class PgPushListenerTest {

  @Test
  void aCommitThatQueuedPushesWakesTheListener() throws Exception {
    PostgresPorts ports = PostgresPorts.shared();
    ports.reset();
    var db = PostgresPorts.dataSource();
    Semaphore wakes = new Semaphore(0);
    try (PgPushListener listener =
        new PgPushListener(
                PostgresAdapter.unpooled(db.getJdbcUrl(), db.getUsername(), db.getPassword()),
                wakes::release)
            .start()) {
      // The first wake-up comes when the session is open: whatever was queued before is found.
      assertThat(wakes.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
      assertThat(listener.isListening()).isTrue();
      ports
          .transactions()
          .run(
              () ->
                  ports
                      .devices()
                      .register(
                          new Device(
                              BOB,
                              new InstallationId(UUID.randomUUID()),
                              new PushToken("bob-token"),
                              Platform.IOS,
                              null,
                              null,
                              NOW,
                              NOW)));

      ports
          .transactions()
          .run(
              () ->
                  ports
                      .outbox()
                      .enqueue(
                          List.of(
                              new Notice(
                                  NotificationKind.INVITED,
                                  new NegotiationId(UUID.randomUUID()),
                                  1,
                                  BOB)),
                          NOW));

      assertThat(wakes.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void anAdministratorEndingTheSessionIsInfoNotWarnAndTheListenerComesBack() throws Exception {
    PostgresPorts.shared();
    var db = PostgresPorts.dataSource();
    Logger logger = (Logger) LoggerFactory.getLogger(PgPushListener.class);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    Level before = logger.getLevel();
    logger.setLevel(Level.INFO);
    logged.start();
    logger.addAppender(logged);
    Semaphore wakes = new Semaphore(0);
    try (PgPushListener listener =
        new PgPushListener(
                PostgresAdapter.unpooled(db.getJdbcUrl(), db.getUsername(), db.getPassword()),
                wakes::release)
            .start()) {
      assertThat(wakes.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
      // pg_terminate_backend ends the session with 57P01, as a database shutting down does.
      try (Connection c = db.getConnection();
          Statement s = c.createStatement()) {
        s.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                + " WHERE query LIKE 'LISTEN%' AND pid <> pg_backend_pid()");
      }
      // Back: a new session wakes the dispatcher again.
      assertThat(wakes.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
      assertThat(logged.list)
          .extracting(e -> e.getLevel().toString() + " " + e.getFormattedMessage())
          .anySatisfy(line -> assertThat(line).startsWith("INFO ").contains("sqlstate=57P01"))
          .noneSatisfy(line -> assertThat(line).startsWith("WARN"));
    } finally {
      logger.detachAppender(logged);
      logger.setLevel(before);
    }
  }
}
