package com.kairos.postgres;

import static com.kairos.domain.testing.Fixtures.BOB;
import static com.kairos.domain.testing.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.device.Device;
import com.kairos.domain.device.InstallationId;
import com.kairos.domain.device.Platform;
import com.kairos.domain.device.PushToken;
import com.kairos.domain.notification.Notice;
import com.kairos.domain.notification.NotificationKind;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

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
}
