package com.kairos.application.memory;

import com.kairos.application.port.DeletedAccounts;
import com.kairos.domain.common.UserId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@link DeletedAccounts} over an {@link InMemoryStore}. */
public final class InMemoryDeletedAccounts implements DeletedAccounts {
  private static final Comparator<Deletion> ORDER =
      Comparator.comparing(Deletion::deletedAt).thenComparing(Deletion::user);

  private final InMemoryStore store;

  public InMemoryDeletedAccounts(InMemoryStore store) {
    this.store = store;
  }

  @Override
  public void record(UserId user, Instant at) {
    store.requireTransaction();
    store.deletions.merge(user, at, (old, now) -> old.isAfter(now) ? old : now);
  }

  @Override
  public Optional<Instant> deletedAt(UserId user) {
    store.requireTransaction();
    return Optional.ofNullable(store.deletions.get(user));
  }

  @Override
  public List<Deletion> after(Deletion last, int limit) {
    store.requireTransaction();
    return store.deletions.entrySet().stream()
        .map(e -> new Deletion(e.getKey(), e.getValue()))
        .filter(d -> last == null || ORDER.compare(d, last) > 0)
        .sorted(ORDER)
        .limit(limit)
        .toList();
  }
}
