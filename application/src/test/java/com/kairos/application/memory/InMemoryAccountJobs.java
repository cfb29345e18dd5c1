package com.kairos.application.memory;

import com.kairos.application.port.AccountJobs;
import com.kairos.domain.common.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@link AccountJobs} over an {@link InMemoryStore}, with the PostgreSQL claiming rules. */
public final class InMemoryAccountJobs implements AccountJobs {
  private final InMemoryStore store;

  public InMemoryAccountJobs(InMemoryStore store) {
    this.store = store;
  }

  @Override
  public void enqueue(Kind kind, UserId user, Instant at) {
    store.requireTransaction();
    long id = ++store.sequence;
    store.jobs.put(id, new InMemoryStore.JobRow(id, kind, user, at, at, 0, false, null, null));
  }

  @Override
  public List<Job> claim(Instant now, Duration lease, int limit) {
    store.requireTransaction();
    List<InMemoryStore.JobRow> due =
        store.jobs.values().stream()
            .filter(j -> !j.done() && !j.dueAt().isAfter(now))
            .sorted(
                Comparator.comparing(InMemoryStore.JobRow::dueAt)
                    .thenComparing(InMemoryStore.JobRow::id))
            .limit(limit)
            .toList();
    return due.stream()
        .map(
            j -> {
              InMemoryStore.JobRow claimed =
                  new InMemoryStore.JobRow(
                      j.id(),
                      j.kind(),
                      j.user(),
                      j.createdAt(),
                      now.plus(lease),
                      j.attempts() + 1,
                      false,
                      null,
                      j.reason());
              store.jobs.put(j.id(), claimed);
              return new Job(
                  claimed.id(),
                  claimed.kind(),
                  claimed.user(),
                  claimed.createdAt(),
                  claimed.attempts());
            })
        .toList();
  }

  @Override
  public void complete(long id, Instant now) {
    store.requireTransaction();
    InMemoryStore.JobRow j = store.jobs.get(id);
    if (j != null && !j.done()) {
      store.jobs.put(
          id,
          new InMemoryStore.JobRow(
              id, j.kind(), j.user(), j.createdAt(), j.dueAt(), j.attempts(), true, now, null));
    }
  }

  @Override
  public void retry(long id, Instant dueAt, String reason) {
    store.requireTransaction();
    InMemoryStore.JobRow j = store.jobs.get(id);
    if (j != null && !j.done()) {
      store.jobs.put(
          id,
          new InMemoryStore.JobRow(
              id, j.kind(), j.user(), j.createdAt(), dueAt, j.attempts(), false, null, reason));
    }
  }

  @Override
  public Optional<Instant> nextDue() {
    store.requireTransaction();
    return store.jobs.values().stream()
        .filter(j -> !j.done())
        .map(InMemoryStore.JobRow::dueAt)
        .min(Comparator.naturalOrder());
  }

  @Override
  public long pending() {
    store.requireTransaction();
    return store.jobs.values().stream().filter(j -> !j.done()).count();
  }

  @Override
  public int purge(Instant before) {
    store.requireTransaction();
    List<Long> old =
        store.jobs.values().stream()
            .filter(j -> j.done() && j.finishedAt().isBefore(before))
            .map(InMemoryStore.JobRow::id)
            .toList();
    old.forEach(store.jobs::remove);
    return old.size();
  }
}
