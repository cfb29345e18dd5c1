package com.kairos.application.push;

import static com.kairos.domain.testing.Fixtures.ALICE;
import static com.kairos.domain.testing.Fixtures.BOB;
import static com.kairos.domain.testing.Fixtures.CAROL;
import static com.kairos.domain.testing.Fixtures.NOW;
import static com.kairos.domain.testing.StartRequest.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kairos.application.device.RegisterDevice.Registration;
import com.kairos.application.memory.InMemoryStore.OutboxRow;
import com.kairos.application.port.PushMessage;
import com.kairos.application.port.PushMetrics;
import com.kairos.application.port.PushOutbox;
import com.kairos.application.port.PushOutcome;
import com.kairos.application.port.PushResult;
import com.kairos.application.port.PushSender;
import com.kairos.application.testing.UseCaseTest;
import com.kairos.domain.common.UserId;
import com.kairos.domain.device.InstallationId;
import com.kairos.domain.device.Platform;
import com.kairos.domain.device.PushToken;
import com.kairos.domain.negotiation.Negotiation;
import com.kairos.domain.notification.NotificationKind;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The dispatcher over the in-memory outbox and a scripted provider. */
class DispatchPushesTest extends UseCaseTest {
  private final ScriptedSender sender = new ScriptedSender();
  private final RecordingMetrics metrics = new RecordingMetrics();
  private final ExecutorService sends = Executors.newFixedThreadPool(4);
  private DispatchPushes dispatcher = dispatcher(sender);

  private DispatchPushes dispatcher(PushSender s) {
    return new DispatchPushes(
        backend.transactions,
        backend.outbox,
        s,
        metrics,
        RetryPolicy.standard(Duration.ofHours(24), () -> 0),
        sends,
        backend.clock,
        new DispatchPushes.Settings(10, Duration.ofSeconds(30)));
  }

  @AfterEach
  void stop() {
    sends.shutdownNow();
  }

  private void phone(UserId owner, String token) {
    uc.registerDevice()
        .register(
            owner,
            new Registration(
                new InstallationId(UUID.randomUUID()),
                new PushToken(token),
                Platform.ANDROID,
                null,
                null));
  }

  private OutboxRow row(String token) {
    return backend.outbox.rows().stream()
        .filter(
            r ->
                backend
                    .transactions
                    .inTransaction(() -> backend.devices.listFor(r.notice().recipient()))
                    .stream()
                    .anyMatch(d -> d.pushToken().value().equals(token)))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void sendsEveryDuePushOnceAndRecordsItAsSent() throws Exception {
    phone(BOB, "bob-token");
    phone(CAROL, "carol-token");
    Negotiation n = begin(ALICE, start().inviting(BOB, CAROL));
    backend.clock.advance(Duration.ofMillis(250));

    assertThat(dispatcher.dispatchDue()).isEqualTo(2);
    assertThat(dispatcher.dispatchDue()).isZero();

    assertThat(sender.received)
        .containsExactlyInAnyOrder(
            new PushMessage(
                new PushToken("bob-token"), Platform.ANDROID, NotificationKind.INVITED, n.id(), 1),
            new PushMessage(
                new PushToken("carol-token"),
                Platform.ANDROID,
                NotificationKind.INVITED,
                n.id(),
                1));
    assertThat(backend.outbox.rows()).extracting(OutboxRow::state).containsOnly("sent");
    assertThat(metrics.outcomes).containsOnly("INVITED/SENT");
    assertThat(metrics.outcomes).hasSize(2);
    assertThat(metrics.latencies).containsOnly(Duration.ofMillis(250));
  }

  @Test
  void aTransientFailureIsRetriedLaterAndThenSent() throws Exception {
    phone(BOB, "bob-token");
    begin(ALICE, start().inviting(BOB));
    sender.script("bob-token", PushResult.retry("http_429", Duration.ofSeconds(7)));

    dispatcher.dispatchDue();

    OutboxRow retried = row("bob-token");
    assertThat(retried.state()).isEqualTo("pending");
    assertThat(retried.dueAt()).isEqualTo(NOW.plusSeconds(7));
    assertThat(retried.reason()).isEqualTo("http_429");
    backend.clock.advance(Duration.ofSeconds(6));
    assertThat(dispatcher.dispatchDue()).isZero();
    backend.clock.advance(Duration.ofSeconds(1));
    assertThat(dispatcher.dispatchDue()).isEqualTo(1);
    assertThat(row("bob-token").state()).isEqualTo("sent");
    assertThat(row("bob-token").attempts()).isEqualTo(2);
    assertThat(metrics.outcomes).containsExactly("INVITED/RETRY", "INVITED/SENT");
  }

  @Test
  void aRejectedTokenRemovesTheDeviceWithoutRetry() throws Exception {
    phone(BOB, "bob-token");
    begin(ALICE, start().inviting(BOB));
    sender.script("bob-token", PushResult.tokenRejected("UNREGISTERED"));

    dispatcher.dispatchDue();

    assertThat(backend.transactions.inTransaction(() -> backend.devices.listFor(BOB))).isEmpty();
    assertThat(backend.outbox.rows()).isEmpty();
    assertThat(metrics.outcomes).containsExactly("INVITED/TOKEN_REJECTED");
  }

  @Test
  void aPushStillFailingAfterTheGiveUpAgeIsDead() throws Exception {
    phone(BOB, "bob-token");
    begin(ALICE, start().inviting(BOB));
    sender.script("bob-token", PushResult.retry("UNAVAILABLE", null));
    backend.clock.advance(Duration.ofHours(24));

    dispatcher.dispatchDue();

    assertThat(row("bob-token").state()).isEqualTo("dead");
    assertThat(metrics.outcomes).containsExactly("INVITED/DEAD");
    backend.clock.advance(Duration.ofDays(7).plusSeconds(1));
    assertThat(dispatcher.purge()).isEqualTo(1);
  }

  @Test
  void aSenderThatThrowsIsTreatedAsTransient() throws Exception {
    phone(BOB, "bob-token");
    begin(ALICE, start().inviting(BOB));
    DispatchPushes throwing =
        dispatcher(
            m -> {
              throw new IllegalStateException("provider client bug");
            });

    assertThat(throwing.dispatchDue()).isEqualTo(1);

    assertThat(row("bob-token").state()).isEqualTo("pending");
    assertThat(row("bob-token").reason()).isEqualTo("sender_failure");
  }

  @Test
  void interruptedWhileSendingItReleasesWhatWasNotSent() throws Exception {
    phone(BOB, "bob-token");
    begin(ALICE, start().inviting(BOB));
    CountDownLatch sending = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    DispatchPushes stuck =
        dispatcher(
            m -> {
              sending.countDown();
              try {
                never.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return PushResult.sent();
            });
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread loop =
        new Thread(
            () -> {
              try {
                stuck.dispatchDue();
              } catch (Throwable t) {
                thrown.set(t);
              }
            });
    loop.start();
    sending.await();
    loop.interrupt();
    loop.join(5_000);

    assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
    OutboxRow released = row("bob-token");
    assertThat(released.state()).isEqualTo("pending");
    assertThat(released.dueAt()).isEqualTo(NOW);
    assertThat(released.attempts()).isZero();
    never.countDown();
  }

  @Test
  void theBacklogGaugeSeesPendingPushes() {
    phone(BOB, "bob-token");
    phone(CAROL, "carol-token");
    begin(ALICE, start().inviting(BOB, CAROL));

    assertThat(dispatcher.measureBacklog())
        .isEqualTo(new PushOutbox.Backlog(2, java.util.Optional.of(NOW)));
    assertThat(metrics.backlogs)
        .containsExactly(new PushOutbox.Backlog(2, java.util.Optional.of(NOW)));
    assertThat(dispatcher.nextDue()).contains(NOW);
  }

  @Test
  void settingsMustBePositive() {
    assertThatThrownBy(() -> new DispatchPushes.Settings(0, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** A provider that answers SENT unless told otherwise, token by token. */
  static final class ScriptedSender implements PushSender {
    final List<PushMessage> received = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Deque<PushResult>> scripts = new HashMap<>();

    synchronized void script(String token, PushResult... results) {
      scripts.computeIfAbsent(token, t -> new ArrayDeque<>()).addAll(List.of(results));
    }

    @Override
    public PushResult send(PushMessage message) {
      received.add(message);
      synchronized (this) {
        Deque<PushResult> script = scripts.get(message.token().value());
        return script == null || script.isEmpty() ? PushResult.sent() : script.poll();
      }
    }
  }

  /** Remembers every meter call. */
  static final class RecordingMetrics implements PushMetrics {
    final List<String> outcomes = Collections.synchronizedList(new ArrayList<>());
    final List<Duration> latencies = Collections.synchronizedList(new ArrayList<>());
    final List<PushOutbox.Backlog> backlogs = new ArrayList<>();

    @Override
    public void attempt(NotificationKind kind, PushOutcome outcome) {
      outcomes.add(kind + "/" + outcome);
    }

    @Override
    public void delivered(Duration sinceCommit) {
      latencies.add(sinceCommit);
    }

    @Override
    public void backlog(PushOutbox.Backlog backlog) {
      backlogs.add(backlog);
    }
  }
}
