package com.kairos.application.memory;

import com.kairos.application.port.ActivityPosition;
import com.kairos.application.port.Keyset;
import com.kairos.application.port.NegotiationHistory;
import com.kairos.application.port.NegotiationQueries;
import com.kairos.application.port.NegotiationQuery;
import com.kairos.application.port.NegotiationStore;
import com.kairos.application.port.NegotiationSweep;
import com.kairos.domain.common.ConcurrentModification;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.ReplyId;
import com.kairos.domain.common.UserId;
import com.kairos.domain.common.Uuids;
import com.kairos.domain.negotiation.Activity;
import com.kairos.domain.negotiation.Negotiation;
import com.kairos.domain.negotiation.NegotiationAction;
import com.kairos.domain.negotiation.NegotiationState;
import com.kairos.domain.negotiation.NegotiationSummary;
import com.kairos.domain.negotiation.Participant;
import com.kairos.domain.negotiation.ParticipantStatus;
import com.kairos.domain.negotiation.Transition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The negotiation ports (store, history, queries, sweep) over an {@link InMemoryStore}, with the
 * PostgreSQL semantics.
 */
public final class InMemoryNegotiationRepository
    implements NegotiationStore, NegotiationHistory, NegotiationQueries, NegotiationSweep {
  private static final Comparator<NegotiationSummary> NEWEST_FIRST =
      Comparator.comparing(NegotiationSummary::updatedAt)
          .thenComparing((a, b) -> Uuids.compareUnsigned(a.id().value(), b.id().value()))
          .reversed();

  private final InMemoryStore store;

  public InMemoryNegotiationRepository(InMemoryStore store) {
    this.store = store;
  }

  @Override
  public Optional<Negotiation> findById(NegotiationId id) {
    store.requireTransaction();
    return Optional.ofNullable(store.negotiations.get(id));
  }

  @Override
  public Optional<Negotiation> findByIdForUpdate(NegotiationId id) {
    return findById(id); // the transaction already holds the store's lock
  }

  @Override
  public void insert(Negotiation negotiation, Activity activity) {
    store.requireTransaction();
    if (store.negotiations.putIfAbsent(negotiation.id(), negotiation) != null) {
      throw new ConcurrentModification("negotiation id already stored");
    }
    store.history.computeIfAbsent(negotiation.id(), k -> new ArrayList<>()).add(activity);
  }

  @Override
  public void update(Negotiation negotiation, Activity activity) {
    store.requireTransaction();
    Negotiation stored = store.negotiations.get(negotiation.id());
    if (stored == null || stored.version() != negotiation.version() - 1) {
      throw new ConcurrentModification("negotiation changed concurrently");
    }
    store.negotiations.put(negotiation.id(), negotiation);
    store.history.computeIfAbsent(negotiation.id(), k -> new ArrayList<>()).add(activity);
    if (activity.replyId() != null) {
      store.replies.add(replyKey(negotiation.id(), activity.actorId(), activity.replyId()));
    }
  }

  @Override
  public boolean replyRecorded(NegotiationId id, UserId actor, ReplyId replyId) {
    store.requireTransaction();
    return store.replies.contains(replyKey(id, actor, replyId));
  }

  @Override
  public List<Activity> history(NegotiationId id) {
    store.requireTransaction();
    return List.copyOf(store.history.getOrDefault(id, List.of()));
  }

  @Override
  public List<Activity> activity(NegotiationId id, long afterVersion, int limit) {
    store.requireTransaction();
    return store.history.getOrDefault(id, List.of()).stream()
        .filter(a -> a.version() > afterVersion)
        .sorted(Comparator.comparingLong(Activity::version))
        .limit(limit)
        .toList();
  }

  @Override
  public List<Activity> authoredBy(UserId actor, ActivityPosition after, int limit) {
    store.requireTransaction();
    Comparator<Activity> order =
        Comparator.<Activity, NegotiationId>comparing(
                Activity::negotiationId, (a, b) -> Uuids.compareUnsigned(a.value(), b.value()))
            .thenComparingLong(Activity::version);
    Activity position =
        after == null
            ? null
            : new Activity(
                after.negotiationId(),
                actor,
                NegotiationAction.START,
                null,
                NegotiationState.DRAFT,
                after.version(),
                Instant.EPOCH,
                null,
                null);
    return store.history.values().stream()
        .flatMap(List::stream)
        .filter(a -> actor.equals(a.actorId()))
        .filter(a -> position == null || order.compare(a, position) > 0)
        .sorted(order)
        .limit(limit)
        .toList();
  }

  @Override
  public List<NegotiationId> idsInvolving(UserId user) {
    store.requireTransaction();
    return store.negotiations.values().stream()
        .filter(n -> n.participant(user).isPresent())
        .map(Negotiation::id)
        .sorted((a, b) -> Uuids.compareUnsigned(a.value(), b.value()))
        .toList();
  }

  @Override
  public List<Negotiation> visibleTo(UserId user, NegotiationId after, int limit) {
    store.requireTransaction();
    return store.negotiations.values().stream()
        .filter(n -> n.participant(user).isPresent() && n.isVisibleTo(user))
        .filter(n -> after == null || Uuids.compareUnsigned(n.id().value(), after.value()) > 0)
        .sorted((a, b) -> Uuids.compareUnsigned(a.id().value(), b.id().value()))
        .limit(limit)
        .toList();
  }

  @Override
  public List<NegotiationSummary> listFor(
      UserId user, NegotiationQuery query, Instant now, int limit) {
    store.requireTransaction();
    return store.negotiations.values().stream()
        .filter(n -> n.participant(user).isPresent() && n.isVisibleTo(user))
        .filter(n -> matches(n, user, query, now))
        .map(n -> NegotiationSummary.of(n, user))
        .filter(s -> query.after() == null || isAfter(s, query.after()))
        .sorted(NEWEST_FIRST)
        .limit(limit)
        .toList();
  }

  private static boolean matches(Negotiation n, UserId user, NegotiationQuery q, Instant now) {
    Negotiation current = n.asOf(now);
    Participant me = n.participant(user).orElseThrow();
    if (!q.states().isEmpty() && !q.states().contains(current.state())) {
      return false;
    }
    if (q.role() != null && me.role() != q.role()) {
      return false;
    }
    if (q.awaitingMe()
        && !(current.state() == NegotiationState.ACTIVE
            && me.status() == ParticipantStatus.PENDING)) {
      return false;
    }
    return q.updatedAfter() == null || n.updatedAt().isAfter(q.updatedAfter());
  }

  private static boolean isAfter(NegotiationSummary s, Keyset position) {
    int byTime = s.updatedAt().compareTo(position.updatedAt());
    return byTime < 0 || (byTime == 0 && Uuids.compareUnsigned(s.id().value(), position.id()) < 0);
  }

  @Override
  public List<Negotiation> expireDue(Instant now, int batchSize) {
    store.requireTransaction();
    List<Negotiation> due =
        store.negotiations.values().stream()
            .filter(n -> n.isExpiredAt(now))
            .sorted(Comparator.comparing(Negotiation::expiresAt))
            .limit(batchSize)
            .toList();
    List<Negotiation> expired = new ArrayList<>();
    for (Negotiation n : due) {
      Transition t = n.expire(now);
      update(t.negotiation(), t.activity());
      expired.add(t.negotiation());
    }
    return expired;
  }

  private static String replyKey(NegotiationId id, UserId actor, ReplyId replyId) {
    return id + "|" + actor + "|" + replyId;
  }
}
