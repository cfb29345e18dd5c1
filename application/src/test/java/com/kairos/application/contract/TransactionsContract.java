package com.kairos.application.contract;

import static com.kairos.domain.testing.Fixtures.ALICE;
import static com.kairos.domain.testing.Fixtures.NOW;
import static com.kairos.domain.testing.StartRequest.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kairos.domain.common.ConcurrentModification;
import com.kairos.domain.negotiation.Negotiation;
import com.kairos.domain.negotiation.Transition;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What every {@link com.kairos.application.port.Transactions} must do. */
public abstract class TransactionsContract extends ContractTest {

  @Test
  void aFailureRollsBackEverythingTheUnitOfWorkWrote() {
    Transition t = Negotiation.start(start().build(), ALICE, NOW, ids);
    assertThatThrownBy(
            () ->
                run(
                    () -> {
                      ports.negotiations().insert(t.negotiation(), t.activity());
                      throw new IllegalStateException("boom");
                    }))
        .hasMessage("boom");
    assertThat(tx(() -> ports.negotiations().findById(t.negotiation().id()))).isEmpty();
  }

  @Test
  void aLostRaceIsRetriedAFewTimesThenReported() {
    AtomicInteger attempts = new AtomicInteger();
    String result =
        tx(
            () -> {
              if (attempts.incrementAndGet() < 2) {
                throw new ConcurrentModification("lost once");
              }
              return "won";
            });
    assertThat(result).isEqualTo("won");
    assertThat(attempts).hasValue(2);
    attempts.set(0);
    assertThatThrownBy(
            () ->
                run(
                    () -> {
                      attempts.incrementAndGet();
                      throw new ConcurrentModification("always");
                    }))
        .isInstanceOf(ConcurrentModification.class);
    assertThat(attempts.get()).isBetween(2, 5);
  }

  @Test
  void anInnerTransactionJoinsTheOuterOne() {
    Transition t = Negotiation.start(start().build(), ALICE, NOW, ids);
    assertThatThrownBy(
            () ->
                run(
                    () -> {
                      run(() -> ports.negotiations().insert(t.negotiation(), t.activity()));
                      throw new IllegalStateException("outer fails");
                    }))
        .hasMessage("outer fails");
    assertThat(tx(() -> ports.negotiations().findById(t.negotiation().id()))).isEmpty();
  }

  @Test
  void repositoriesRefuseToWorkOutsideATransaction() {
    assertThatThrownBy(
            () ->
                ports
                    .negotiations()
                    .findById(
                        Negotiation.start(start().build(), ALICE, NOW, ids).negotiation().id()))
        .isInstanceOf(IllegalStateException.class);
  }
}
