package com.kairos.application.memory;

import com.kairos.domain.common.EventId;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.UserId;
import com.kairos.domain.device.Device;
import com.kairos.domain.event.Event;
import com.kairos.domain.negotiation.Activity;
import com.kairos.domain.negotiation.Negotiation;
import com.kairos.domain.user.UserProfile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The state behind the in-memory ports. A transaction holds one lock for its whole duration (so
 * transactions are serializable, which also serializes concurrent replies as PostgreSQL's row lock
 * does) and restores a snapshot when it fails. Aggregates are immutable, so a snapshot is a shallow
 * copy of the maps.
 */
public final class InMemoryStore {
  final ReentrantLock lock = new ReentrantLock(true);
  Map<NegotiationId, Negotiation> negotiations = new HashMap<>();
  Map<NegotiationId, List<Activity>> history = new HashMap<>();
  Set<String> replies = new HashSet<>();
  Map<EventId, Event> events = new HashMap<>();
  Map<UserId, UserProfile> profiles = new HashMap<>();
  Map<Long, StoredDevice> devices = new HashMap<>();
  TreeMap<Long, OutboxRow> outbox = new TreeMap<>();
  Map<UserId, java.time.Instant> deletions = new HashMap<>();
  TreeMap<Long, JobRow> jobs = new TreeMap<>();
  long sequence;

  /** Fails when a repository is used outside a transaction, as the real ones would. */
  void requireTransaction() {
    if (!lock.isHeldByCurrentThread()) {
      throw new IllegalStateException("repository used outside a transaction");
    }
  }

  /** A copy of everything stored, equal to another exactly when the stored state is equal. */
  public Snapshot snapshot() {
    Map<NegotiationId, List<Activity>> historyCopy = new HashMap<>();
    history.forEach((k, v) -> historyCopy.put(k, new ArrayList<>(v)));
    return new Snapshot(
        new HashMap<>(negotiations),
        historyCopy,
        new HashSet<>(replies),
        new HashMap<>(events),
        new HashMap<>(profiles),
        new HashMap<>(devices),
        new TreeMap<>(outbox),
        new HashMap<>(deletions),
        new TreeMap<>(jobs),
        sequence);
  }

  void restore(Snapshot s) {
    negotiations = s.negotiations;
    history = s.history;
    replies = s.replies;
    events = s.events;
    profiles = s.profiles;
    devices = s.devices;
    outbox = s.outbox;
    deletions = s.deletions;
    jobs = s.jobs;
    sequence = s.sequence;
  }

  /** Everything stored at one moment. */
  public record Snapshot(
      Map<NegotiationId, Negotiation> negotiations,
      Map<NegotiationId, List<Activity>> history,
      Set<String> replies,
      Map<EventId, Event> events,
      Map<UserId, UserProfile> profiles,
      Map<Long, StoredDevice> devices,
      TreeMap<Long, OutboxRow> outbox,
      Map<UserId, java.time.Instant> deletions,
      TreeMap<Long, JobRow> jobs,
      long sequence) {}

  /** One account job, as the PostgreSQL table holds it. */
  public record JobRow(
      long id,
      com.kairos.application.port.AccountJobs.Kind kind,
      UserId user,
      java.time.Instant createdAt,
      java.time.Instant dueAt,
      int attempts,
      boolean done,
      java.time.Instant finishedAt,
      String reason) {}

  /** A device with the surrogate id its pushes refer to. */
  public record StoredDevice(long id, Device device) {}

  /** One outbox row, as the PostgreSQL table holds it. */
  public record OutboxRow(
      long id,
      long deviceId,
      com.kairos.domain.notification.Notice notice,
      java.time.Instant createdAt,
      java.time.Instant dueAt,
      int attempts,
      String state,
      java.time.Instant finishedAt,
      String reason) {

    OutboxRow with(
        java.time.Instant due, int tries, String newState, java.time.Instant at, String why) {
      return new OutboxRow(id, deviceId, notice, createdAt, due, tries, newState, at, why);
    }
  }
}
