package com.kairos.application.memory;

import static com.kairos.domain.testing.Fixtures.ALICE;
import static com.kairos.domain.testing.Fixtures.NOW;
import static com.kairos.domain.testing.StartRequest.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kairos.domain.common.ConcurrentModification;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.negotiation.Negotiation;
import com.kairos.domain.negotiation.Transition;
import com.kairos.domain.testing.SequentialIds;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InMemoryTransactionsTest {
  private final InMemoryStore store = new InMemoryStore();
  private final InMemoryTransactions tx = new InMemoryTransactions(store);
  private final InMemoryNegotiationRepository repo = new InMemoryNegotiationRepository(store);

  @Test
  void aFailingTransactionLeavesNoTrace() {
    Transition t = Negotiation.start(start().build(), ALICE, NOW, new SequentialIds());
    assertThatThrownBy(
            () ->
                tx.run(
                    () -> {
                      repo.insert(t.negotiation(), t.activity());
                      throw new IllegalStateException("boom");
                    }))
        .hasMessage("boom");
    assertThat(tx.inTransaction(() -> repo.findById(t.negotiation().id()))).isEmpty();
  }

  @Test
  void aLostRaceIsRetriedAndThenReported() {
    AtomicInteger attempts = new AtomicInteger();
    assertThat(
            tx.inTransaction(
                () -> {
                  if (attempts.incrementAndGet() < 3) {
                    throw new ConcurrentModification("lost");
                  }
                  return "done";
                }))
        .isEqualTo("done");
    attempts.set(0);
    assertThatThrownBy(
            () ->
                tx.run(
                    () -> {
                      attempts.incrementAndGet();
                      throw new ConcurrentModification("always");
                    }))
        .isInstanceOf(ConcurrentModification.class);
    assertThat(attempts).hasValue(InMemoryTransactions.ATTEMPTS);
  }

  @Test
  void repositoriesRefuseToWorkOutsideATransaction() {
    assertThatThrownBy(() -> repo.history(new NegotiationId(new SequentialIds().newId())))
        .isInstanceOf(IllegalStateException.class);
  }
}
