package com.kairos.application.memory;

import com.kairos.domain.common.EventId;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.UserId;
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

  /** Fails when a repository is used outside a transaction, as the real ones would. */
  void requireTransaction() {
    if (!lock.isHeldByCurrentThread()) {
      throw new IllegalStateException("repository used outside a transaction");
    }
  }

  Snapshot snapshot() {
    Map<NegotiationId, List<Activity>> historyCopy = new HashMap<>();
    history.forEach((k, v) -> historyCopy.put(k, new ArrayList<>(v)));
    return new Snapshot(
        new HashMap<>(negotiations),
        historyCopy,
        new HashSet<>(replies),
        new HashMap<>(events),
        new HashMap<>(profiles));
  }

  void restore(Snapshot s) {
    negotiations = s.negotiations;
    history = s.history;
    replies = s.replies;
    events = s.events;
    profiles = s.profiles;
  }

  record Snapshot(
      Map<NegotiationId, Negotiation> negotiations,
      Map<NegotiationId, List<Activity>> history,
      Set<String> replies,
      Map<EventId, Event> events,
      Map<UserId, UserProfile> profiles) {}
}
