package com.kairos.application.port;

import java.util.function.Supplier;

/**
 * Outbound port: one transaction per use case. Implementations commit when {@code work} returns,
 * roll back when it throws, and retry the whole unit of work when a repository reports a lost race
 * ({@link com.kairos.domain.common.ConcurrentModification}).
 */
public interface Transactions {

  <T> T inTransaction(Supplier<T> work);

  default void run(Runnable work) {
    inTransaction(
        () -> {
          work.run();
          return null;
        });
  }
}
