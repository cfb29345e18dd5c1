package com.kairos.application.port;

import com.kairos.domain.notification.Notice;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Outbound port: the transactional outbox of pushes. {@link #enqueue} runs inside the use case's
 * transaction, so a rolled-back change notifies no one; the other methods serve the dispatcher,
 * which may run in several instances on one database: a claimed row is invisible to every other
 * claim until its lease ends, so two dispatchers never send the same row at the same time.
 */
public interface PushOutbox {

  /** How much is waiting: pending rows and the commit time of the oldest (empty when none). */
  record Backlog(long pending, Optional<Instant> oldest) {}

  /**
   * One pending push per device of each notice's recipient, due at once (a recipient with no device
   * gets none); dispatchers are woken once the transaction commits.
   */
  void enqueue(List<Notice> notices, Instant at);

  /**
   * Claims up to {@code limit} rows due at {@code now} that no lease holds, leased for {@code
   * lease}.
   */
  List<PendingPush> claim(Instant now, Duration lease, int limit);

  /** Records what became of claimed rows. */
  void record(Collection<OutboxUpdate> updates, Instant now);

  /** Hands unsent claimed rows back (a stopping instance), due at {@code now}. */
  void release(Collection<Long> ids, Instant now);

  /** When the next pending row falls due, if any is pending. */
  Optional<Instant> nextDue();

  Backlog backlog();

  /** Deletes sent and dead rows finished before {@code before}; returns how many. */
  int purge(Instant before);
}
