package com.kairos.application.push;

import static com.kairos.domain.testing.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kairos.application.port.OutboxUpdate;
import com.kairos.application.port.PendingPush;
import com.kairos.application.port.PushMessage;
import com.kairos.application.port.PushOutcome;
import com.kairos.application.port.PushResult;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.device.Platform;
import com.kairos.domain.device.PushToken;
import com.kairos.domain.notification.NotificationKind;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Backoff with jitter, Retry-After honoured, give-up after the configured age. */
class RetryPolicyTest {
  private static final Duration DAY = Duration.ofHours(24);

  private static PendingPush push(int attempts, Instant createdAt) {
    return new PendingPush(
        9,
        new PushMessage(
            new PushToken("tok"),
            Platform.IOS,
            NotificationKind.INVITED,
            new NegotiationId(new UUID(1, 2)),
            1),
        createdAt,
        attempts);
  }

  private static RetryPolicy policy(double random) {
    return RetryPolicy.standard(DAY, () -> random);
  }

  @Test
  void outcomesMapToDispositions() {
    RetryPolicy p = policy(0);
    assertThat(p.decide(push(1, NOW), PushResult.sent(), NOW))
        .isEqualTo(new OutboxUpdate(9, PushOutcome.SENT, null, null));
    assertThat(p.decide(push(1, NOW), PushResult.tokenRejected("UNREGISTERED"), NOW))
        .isEqualTo(new OutboxUpdate(9, PushOutcome.TOKEN_REJECTED, null, "UNREGISTERED"));
    assertThat(p.decide(push(1, NOW), PushResult.rejected("INVALID_ARGUMENT"), NOW))
        .isEqualTo(new OutboxUpdate(9, PushOutcome.DEAD, null, "INVALID_ARGUMENT"));
  }

  @Test
  void backoffDoublesPerAttemptWithinItsJitterBandAndIsCapped() {
    assertThat(policy(0).backoff(1)).isEqualTo(Duration.ofMillis(500));
    assertThat(policy(0.999999).backoff(1)).isEqualTo(Duration.ofMillis(999));
    assertThat(policy(0).backoff(4)).isEqualTo(Duration.ofSeconds(4));
    assertThat(policy(0.5).backoff(4)).isEqualTo(Duration.ofSeconds(6));
    assertThat(policy(0).backoff(40)).isEqualTo(Duration.ofMinutes(15).dividedBy(2));
    assertThat(policy(0.999999).backoff(40)).isLessThan(Duration.ofMinutes(15));
  }

  @Test
  void aTransientFailureIsRetriedAfterTheBackoff() {
    OutboxUpdate u =
        policy(0).decide(push(3, NOW), PushResult.retry("UNAVAILABLE", null), NOW.plusSeconds(5));
    assertThat(u)
        .isEqualTo(
            new OutboxUpdate(
                9, PushOutcome.RETRY, NOW.plusSeconds(5).plusSeconds(2), "UNAVAILABLE"));
  }

  @Test
  void retryAfterWinsWhenLongerThanTheBackoff() {
    OutboxUpdate u =
        policy(0).decide(push(1, NOW), PushResult.retry("http_429", Duration.ofSeconds(7)), NOW);
    assertThat(u.retryAt()).isEqualTo(NOW.plusSeconds(7));

    OutboxUpdate shorter =
        policy(0).decide(push(6, NOW), PushResult.retry("http_429", Duration.ofSeconds(1)), NOW);
    assertThat(shorter.retryAt()).isEqualTo(NOW.plusSeconds(16));
  }

  @Test
  void aPushThatWouldRetryPastItsGiveUpAgeIsDead() {
    Instant created = NOW.minus(DAY).plusSeconds(10);
    assertThat(policy(0).decide(push(1, created), PushResult.retry("UNAVAILABLE", null), NOW))
        .extracting(OutboxUpdate::outcome)
        .isEqualTo(PushOutcome.RETRY);
    assertThat(
            policy(0)
                .decide(
                    push(1, created), PushResult.retry("UNAVAILABLE", Duration.ofSeconds(11)), NOW))
        .isEqualTo(new OutboxUpdate(9, PushOutcome.DEAD, null, "UNAVAILABLE"));
  }

  @Test
  void settingsMustBePositive() {
    assertThatThrownBy(() -> RetryPolicy.standard(Duration.ZERO, () -> 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
