package com.kairos.bootstrap;

import com.kairos.application.port.OutboxUpdate;
import com.kairos.application.port.PendingPush;
import com.kairos.application.port.PushOutbox;
import com.kairos.domain.notification.Notice;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The outbox of {@code PUSH_PROVIDER=none}: records nothing, so there is nothing to send. */
public final class NoPushOutbox implements PushOutbox {

  @Override
  public void enqueue(List<Notice> notices, Instant at) {}

  @Override
  public List<PendingPush> claim(Instant now, Duration lease, int limit) {
    return List.of();
  }

  @Override
  public void record(Collection<OutboxUpdate> updates, Instant now) {}

  @Override
  public void release(Collection<Long> ids, Instant now) {}

  @Override
  public Optional<Instant> nextDue() {
    return Optional.empty();
  }

  @Override
  public Backlog backlog() {
    return new Backlog(0, Optional.empty());
  }

  @Override
  public int purge(Instant before) {
    return 0;
  }
}
