package com.kairos.application.memory;

import com.kairos.application.port.Transactions;
import com.kairos.domain.common.ConcurrentModification;
import java.util.function.Supplier;

/** Serializable transactions over an {@link InMemoryStore}, retried on a lost race. */
public final class InMemoryTransactions implements Transactions {
  static final int ATTEMPTS = 3;
  private final InMemoryStore store;

  public InMemoryTransactions(InMemoryStore store) {
    this.store = store;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    if (store.lock.isHeldByCurrentThread()) {
      return work.get(); // joins the enclosing transaction
    }
    for (int attempt = 1; ; attempt++) {
      store.lock.lock();
      InMemoryStore.Snapshot before = store.snapshot();
      try {
        return work.get();
      } catch (ConcurrentModification e) {
        store.restore(before);
        if (attempt == ATTEMPTS) {
          throw e;
        }
      } catch (RuntimeException | Error e) {
        store.restore(before);
        throw e;
      } finally {
        store.lock.unlock();
      }
    }
  }
}
