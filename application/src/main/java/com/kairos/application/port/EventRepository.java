package com.kairos.application.port;

import com.kairos.domain.common.EventId;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.UserId;
import com.kairos.domain.event.Event;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Outbound port: where calendar events live. Runs inside the caller's transaction. */
public interface EventRepository {

  Optional<Event> findById(EventId id);

  /** Stores new events; an id already taken throws a concurrent modification (retry). */
  void insertAll(List<Event> events);

  /** Cancels every confirmed event of a negotiation; returns how many changed. */
  int cancelForNegotiation(NegotiationId negotiationId, Instant now);

  /**
   * Up to {@code limit} of the owner's events, newest {@code updatedAt} first (ties: larger id).
   */
  List<Event> listFor(UserId owner, EventQuery query, int limit);

  /** Up to {@code limit} confirmed events starting strictly after {@code after}, earliest first. */
  List<Event> upcoming(UserId owner, Instant after, int limit);

  /**
   * Up to {@code limit} of the owner's events by id (unsigned), strictly after {@code after} (from
   * the first when null). For the export, page by page.
   */
  List<Event> ownedBy(UserId owner, EventId after, int limit);

  /** Deletes every event the owner owns, manual and negotiation ones; returns how many. */
  int deleteOwnedBy(UserId owner);
}
