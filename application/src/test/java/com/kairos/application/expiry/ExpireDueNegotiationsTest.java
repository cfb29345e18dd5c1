package com.kairos.application.expiry;

import static com.kairos.domain.testing.Fixtures.ALICE;
import static com.kairos.domain.testing.Fixtures.BOB;
import static com.kairos.domain.testing.Fixtures.inHours;
import static com.kairos.domain.testing.StartRequest.start;
import static org.assertj.core.api.Assertions.assertThat;

import com.kairos.application.negotiation.TransitionRecorder;
import com.kairos.application.testing.UseCaseTest;
import com.kairos.domain.negotiation.CancelReason;
import com.kairos.domain.negotiation.Negotiation;
import com.kairos.domain.negotiation.NegotiationAction;
import com.kairos.domain.negotiation.NegotiationState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpireDueNegotiationsTest extends UseCaseTest {

  @Test
  void theSweepPersistsDueExpiriesOnceAndLeavesTheRest() {
    Negotiation due = begin(ALICE, start().expiresAt(inHours(1)));
    Negotiation dueDraft = begin(ALICE, start().draft().expiresAt(inHours(2)));
    Negotiation notYet = begin(ALICE, start().expiresAt(inHours(5)));
    Negotiation finalized = begin(ALICE, start().expiresAt(inHours(1)));
    accept(BOB, finalized.id());
    backend.clock.set(inHours(3));

    assertThat(uc.expireDueNegotiations().sweep()).isEqualTo(2);
    assertThat(uc.expireDueNegotiations().sweep()).isZero();

    for (Negotiation n : List.of(due, dueDraft)) {
      Negotiation swept = stored(n.id());
      assertThat(swept.state()).isEqualTo(NegotiationState.CANCELLED);
      assertThat(swept.cancelReason()).contains(CancelReason.EXPIRED);
      assertThat(swept.version()).isEqualTo(2);
      assertThat(swept.updatedAt()).isEqualTo(inHours(3));
      assertThat(backend.transactions.inTransaction(() -> backend.negotiations.history(n.id())))
          .last()
          .satisfies(
              a -> {
                assertThat(a.action()).isEqualTo(NegotiationAction.EXPIRE);
                assertThat(a.actorId()).isNull();
              });
    }
    assertThat(stored(notYet.id()).state()).isEqualTo(NegotiationState.ACTIVE);
    assertThat(stored(finalized.id()).state()).isEqualTo(NegotiationState.FINALIZED);
  }

  @Test
  void theSweepWorksThroughManyBatches() {
    List<Negotiation> due = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      due.add(begin(ALICE, start().expiresAt(inHours(1))));
    }
    backend.clock.set(inHours(2));
    ExpireDueNegotiations smallBatches =
        new ExpireDueNegotiations(
            backend.transactions,
            backend.negotiations,
            new TransitionRecorder(backend.negotiations, backend.events, backend.outbox),
            backend.clock,
            3);
    assertThat(smallBatches.sweep()).isEqualTo(7);
    assertThat(due)
        .allSatisfy(n -> assertThat(stored(n.id()).state()).isEqualTo(NegotiationState.CANCELLED));
  }
}
