package com.kairos.postgres;

import static com.kairos.domain.testing.Fixtures.BOB;
import static com.kairos.domain.testing.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.kairos.application.port.PushMessage;
import com.kairos.application.port.PushMetrics;
import com.kairos.application.port.PushResult;
import com.kairos.application.port.PushSender;
import com.kairos.application.push.DispatchPushes;
import com.kairos.application.push.RetryPolicy;
import com.kairos.application.testing.MutableClock;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.device.Device;
import com.kairos.domain.device.InstallationId;
import com.kairos.domain.device.Platform;
import com.kairos.domain.device.PushToken;
import com.kairos.domain.notification.Notice;
import com.kairos.domain.notification.NotificationKind;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An instance that claimed a push and died before recording it (here: its send never returns) holds
 * the row only until the lease ends; then another instance sends it.
 */
class DeadDispatcherTest {
  private static final Duration LEASE = Duration.ofSeconds(60);
  private final PostgresPorts ports = PostgresPorts.shared();
  private final ExecutorService pool = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  private DispatchPushes dispatcher(PushSender sender, MutableClock clock) {
    return new DispatchPushes(
        ports.transactions(),
        ports.outbox(),
        sender,
        PushMetrics.none(),
        RetryPolicy.standard(Duration.ofHours(24), () -> 0),
        pool,
        clock,
        new DispatchPushes.Settings(10, LEASE));
  }

  @Test
  void aRowClaimedByADeadInstanceIsSentByAnotherWhenTheLeaseEnds() throws Exception {
    ports.reset();
    ports
        .transactions()
        .run(
            () -> {
              ports
                  .devices()
                  .register(
                      new Device(
                          BOB,
                          new InstallationId(UUID.randomUUID()),
                          new PushToken("bobs-phone"),
                          Platform.ANDROID,
                          null,
                          null,
                          NOW,
                          NOW));
              ports
                  .outbox()
                  .enqueue(
                      List.of(
                          new Notice(
                              NotificationKind.INVITED,
                              new NegotiationId(UUID.randomUUID()),
                              1,
                              BOB)),
                      NOW);
            });
    CountDownLatch claimed = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    DispatchPushes dying =
        dispatcher(
            m -> {
              claimed.countDown();
              try {
                never.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return PushResult.sent();
            },
            new MutableClock(NOW));
    pool.submit(dying::dispatchDue);
    assertThat(claimed.await(10, TimeUnit.SECONDS)).isTrue();

    List<PushMessage> sent = new CopyOnWriteArrayList<>();
    MutableClock later = new MutableClock(NOW.plusSeconds(30));
    DispatchPushes survivor =
        dispatcher(
            m -> {
              sent.add(m);
              return PushResult.sent();
            },
            later);

    assertThat(survivor.dispatchDue()).isZero();
    later.set(NOW.plus(LEASE));
    assertThat(survivor.dispatchDue()).isEqualTo(1);

    assertThat(sent).extracting(m -> m.token().value()).containsExactly("bobs-phone");
    assertThat(stateAndAttempts()).isEqualTo("sent/2");
    never.countDown();
  }

  private static String stateAndAttempts() throws Exception {
    try (Connection c = PostgresPorts.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT state, attempts FROM push_outbox")) {
      rs.next();
      return rs.getString(1) + "/" + rs.getInt(2);
    }
  }
}
