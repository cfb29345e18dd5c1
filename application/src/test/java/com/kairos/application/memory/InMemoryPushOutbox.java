package com.kairos.application.memory;

import com.kairos.application.port.OutboxUpdate;
import com.kairos.application.port.PendingPush;
import com.kairos.application.port.PushMessage;
import com.kairos.application.port.PushOutbox;
import com.kairos.domain.device.Device;
import com.kairos.domain.notification.Notice;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@link PushOutbox} over an {@link InMemoryStore}: rows live and roll back with the store. */
public final class InMemoryPushOutbox implements PushOutbox {
  static final String PENDING = "pending";
  static final String SENT = "sent";
  static final String DEAD = "dead";

  private final InMemoryStore store;
  private final InMemoryDeviceRepository devices;

  public InMemoryPushOutbox(InMemoryStore store) {
    this.store = store;
    this.devices = new InMemoryDeviceRepository(store);
  }

  @Override
  public void enqueue(List<Notice> notices, Instant at) {
    store.requireTransaction();
    for (Notice notice : notices) {
      store.devices.values().stream()
          .filter(d -> d.device().owner().equals(notice.recipient()))
          .sorted(Comparator.comparingLong(InMemoryStore.StoredDevice::id))
          .forEach(
              d -> {
                long id = ++store.sequence;
                store.outbox.put(
                    id,
                    new InMemoryStore.OutboxRow(
                        id, d.id(), notice, at, at, 0, PENDING, null, null));
              });
    }
  }

  @Override
  public List<PendingPush> claim(Instant now, Duration lease, int limit) {
    store.requireTransaction();
    List<InMemoryStore.OutboxRow> due =
        store.outbox.values().stream()
            .filter(r -> r.state().equals(PENDING) && !r.dueAt().isAfter(now))
            .sorted(
                Comparator.comparing(InMemoryStore.OutboxRow::dueAt)
                    .thenComparingLong(InMemoryStore.OutboxRow::id))
            .limit(limit)
            .toList();
    List<PendingPush> claimed = new ArrayList<>();
    for (InMemoryStore.OutboxRow row : due) {
      InMemoryStore.OutboxRow leased =
          row.with(now.plus(lease), row.attempts() + 1, PENDING, null, row.reason());
      store.outbox.put(row.id(), leased);
      Device device = store.devices.get(row.deviceId()).device();
      Notice n = row.notice();
      claimed.add(
          new PendingPush(
              row.id(),
              new PushMessage(
                  device.pushToken(), device.platform(), n.kind(), n.negotiationId(), n.version()),
              row.createdAt(),
              leased.attempts()));
    }
    return claimed;
  }

  @Override
  public void record(Collection<OutboxUpdate> updates, Instant now) {
    store.requireTransaction();
    for (OutboxUpdate u : updates) {
      InMemoryStore.OutboxRow row = store.outbox.get(u.id());
      if (row == null) {
        continue; // its device was removed meanwhile
      }
      switch (u.outcome()) {
        case SENT ->
            store.outbox.put(row.id(), row.with(row.dueAt(), row.attempts(), SENT, now, null));
        case DEAD ->
            store.outbox.put(
                row.id(), row.with(row.dueAt(), row.attempts(), DEAD, now, u.reason()));
        case RETRY ->
            store.outbox.put(
                row.id(), row.with(u.retryAt(), row.attempts(), PENDING, null, u.reason()));
        case TOKEN_REJECTED -> devices.drop(row.deviceId());
      }
    }
  }

  @Override
  public void release(Collection<Long> ids, Instant now) {
    store.requireTransaction();
    for (long id : ids) {
      InMemoryStore.OutboxRow row = store.outbox.get(id);
      if (row != null && row.state().equals(PENDING)) {
        store.outbox.put(id, row.with(now, row.attempts() - 1, PENDING, null, row.reason()));
      }
    }
  }

  @Override
  public Optional<Instant> nextDue() {
    store.requireTransaction();
    return pending().map(InMemoryStore.OutboxRow::dueAt).min(Comparator.naturalOrder());
  }

  @Override
  public Backlog backlog() {
    store.requireTransaction();
    return new Backlog(
        pending().count(),
        pending().map(InMemoryStore.OutboxRow::createdAt).min(Comparator.naturalOrder()));
  }

  @Override
  public int purge(Instant before) {
    store.requireTransaction();
    List<Long> old =
        store.outbox.values().stream()
            .filter(r -> !r.state().equals(PENDING) && r.finishedAt().isBefore(before))
            .map(InMemoryStore.OutboxRow::id)
            .toList();
    old.forEach(store.outbox::remove);
    return old.size();
  }

  /** Every row as stored, for tests: state, attempts, due time. */
  public List<InMemoryStore.OutboxRow> rows() {
    return List.copyOf(store.outbox.values());
  }

  private java.util.stream.Stream<InMemoryStore.OutboxRow> pending() {
    return store.outbox.values().stream().filter(r -> r.state().equals(PENDING));
  }
}
