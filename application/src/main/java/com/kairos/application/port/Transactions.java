package com.kairos.application.port;

import java.util.function.Supplier;

/**
 * Outbound port: one transaction per use case. Implementations commit when {@code work} returns,
 * roll back when it throws, and retry the whole unit of work when a repository reports a lost race
 * ({@link com.kairos.domain.common.ConcurrentModification}).
 */
public interface Transactions {

  <T> T inTransaction(Supplier<T> work);

  /**
   * A read that needs no transaction: {@code work} issues a single statement (or statements whose
   * results need not agree with each other), so it may run without BEGIN/COMMIT, each statement on
   * its own snapshot. Implementations may simply run it in a transaction.
   */
  default <T> T reading(Supplier<T> work) {
    return inTransaction(work);
  }

  default void run(Runnable work) {
    inTransaction(
        () -> {
          work.run();
          return null;
        });
  }
}
