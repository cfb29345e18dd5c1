package com.kairos.domain.negotiation;

import static com.kairos.domain.testing.Fixtures.ALICE;
import static com.kairos.domain.testing.Fixtures.BOB;
import static com.kairos.domain.testing.Fixtures.NOW;
import static com.kairos.domain.testing.StartRequest.start;
import static org.assertj.core.api.Assertions.assertThat;

import com.kairos.domain.testing.SequentialIds;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Expiry as a function of the time passed in: reads report it before any sweep writes it. */
class ExpiryTest {
  private final SequentialIds ids = new SequentialIds(3);

  @Test
  void anOpenNegotiationReadsAsExpiredFromItsExpiryInstantOn() {
    Negotiation n = start().expiresAt(NOW.plus(Duration.ofHours(5))).startedBy(ALICE, ids);
    Instant justBefore = n.expiresAt().minusNanos(1000);
    assertThat(n.asOf(justBefore)).isSameAs(n);

    Negotiation expired = n.asOf(n.expiresAt());
    assertThat(expired.state()).isEqualTo(NegotiationState.CANCELLED);
    assertThat(expired.cancelReason()).contains(CancelReason.EXPIRED);
    assertThat(expired.lastAction()).isEqualTo(NegotiationAction.EXPIRE);
    assertThat(expired.lastActorId()).isEmpty();
    assertThat(expired.version()).isEqualTo(2);
    assertThat(expired.updatedAt()).isEqualTo(n.updatedAt());
  }

  @Test
  void theSweepWritesWhatReadsAlreadyReported() {
    Negotiation n = start().startedBy(ALICE, ids);
    Instant later = n.expiresAt().plus(Duration.ofMinutes(3));
    Transition swept = n.expire(later);
    assertThat(swept.negotiation().state()).isEqualTo(n.asOf(later).state());
    assertThat(swept.negotiation().version()).isEqualTo(n.asOf(later).version());
    assertThat(swept.negotiation().updatedAt()).isEqualTo(later);
    assertThat(swept.activity().actorId()).isNull();
    assertThat(swept.activity().action()).isEqualTo(NegotiationAction.EXPIRE);
    // Once written, reads change nothing more.
    assertThat(swept.negotiation().asOf(later.plusSeconds(60))).isSameAs(swept.negotiation());
  }

  @Test
  void finalizedNegotiationsDoNotExpire() {
    Negotiation n = start().startedBy(ALICE, ids);
    Negotiation finalized =
        n.reply(
                BOB,
                new ReplyCommand(n.id(), new Reply.Accept(null, null), null, null, null, null),
                NOW.plusSeconds(60),
                ids)
            .negotiation();
    assertThat(finalized.asOf(n.expiresAt().plusSeconds(1)).state())
        .isEqualTo(NegotiationState.FINALIZED);
  }

  @Test
  void summariesExpireLikeTheNegotiation() {
    Negotiation n = start().startedBy(ALICE, ids);
    NegotiationSummary summary = NegotiationSummary.of(n, BOB);
    NegotiationSummary expired = summary.asOf(n.expiresAt());
    assertThat(expired.state()).isEqualTo(NegotiationState.CANCELLED);
    assertThat(expired.cancelReason()).isEqualTo(CancelReason.EXPIRED);
    assertThat(expired.version()).isEqualTo(n.asOf(n.expiresAt()).version());
    assertThat(summary.myStatus()).isEqualTo(ParticipantStatus.PENDING);
    assertThat(summary.acceptedCount()).isEqualTo(1);
    assertThat(summary.isGroup()).isFalse();
  }
}
