package com.kairos.domain.negotiation;

import com.kairos.domain.common.AccessDenied;
import com.kairos.domain.common.AgentMode;
import com.kairos.domain.common.BlobVersion;
import com.kairos.domain.common.EncryptedBlob;
import com.kairos.domain.common.EventId;
import com.kairos.domain.common.IdGenerator;
import com.kairos.domain.common.IntentCategory;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.NotFound;
import com.kairos.domain.common.ReplyId;
import com.kairos.domain.common.ResourceType;
import com.kairos.domain.common.SlotId;
import com.kairos.domain.common.UserId;
import com.kairos.domain.common.ValidationFailure;
import com.kairos.domain.common.VenueId;
import com.kairos.domain.event.Event;
import com.kairos.domain.event.EventSource;
import com.kairos.domain.event.EventStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The negotiation aggregate: participants, options, state and version. Immutable; every accepted
 * write returns a {@link Transition} holding the next negotiation, and every refused one throws a
 * typed {@link com.kairos.domain.common.DomainException}. Time always comes in as a parameter.
 */
public final class Negotiation {
  private final NegotiationId id;
  private final UserId ownerId;
  private final NegotiationState state;
  private final CancelReason cancelReason;
  private final IntentCategory intentCategory;
  private final AgentMode agentMode;
  private final int agentRound;
  private final long version;
  private final List<Participant> participants;
  private final List<ProposedSlot> slots;
  private final List<ProposedVenue> venues;
  private final Outcome outcome;
  private final EncryptedBlob encryptedPayload;
  private final EncryptedBlob counterPayload;
  private final BlobVersion blobVersion;
  private final UserId lastActorId;
  private final NegotiationAction lastAction;
  private final Instant createdAt;
  private final Instant updatedAt;
  private final Instant expiresAt;
  private final Instant activatedAt;
  private final String startFingerprint;

  private Negotiation(Builder b) {
    this.id = Objects.requireNonNull(b.id, "id");
    this.ownerId = Objects.requireNonNull(b.ownerId, "owner_id");
    this.state = Objects.requireNonNull(b.state, "state");
    this.cancelReason = b.cancelReason;
    this.intentCategory = Objects.requireNonNull(b.intentCategory, "intent_category");
    this.agentMode = Objects.requireNonNull(b.agentMode, "agent_mode");
    this.agentRound = b.agentRound;
    this.version = b.version;
    this.participants = List.copyOf(b.participants);
    List<ProposedSlot> sortedSlots = new ArrayList<>(b.slots);
    sortedSlots.sort(ProposedSlot.BY_START);
    this.slots = List.copyOf(sortedSlots);
    this.venues = List.copyOf(b.venues);
    this.outcome = b.outcome;
    this.encryptedPayload = Objects.requireNonNull(b.encryptedPayload, "encrypted_payload");
    this.counterPayload = b.counterPayload;
    this.blobVersion = Objects.requireNonNull(b.blobVersion, "encrypted_blob_version");
    this.lastActorId = b.lastActorId;
    this.lastAction = Objects.requireNonNull(b.lastAction, "last_action");
    this.createdAt = Objects.requireNonNull(b.createdAt, "created_at");
    this.updatedAt = Objects.requireNonNull(b.updatedAt, "updated_at");
    this.expiresAt = Objects.requireNonNull(b.expiresAt, "expires_at");
    this.activatedAt = b.activatedAt;
    this.startFingerprint = b.startFingerprint;
    checkInvariants();
  }

  private void checkInvariants() {
    if (version < 1 || agentRound < 0) {
      throw new IllegalArgumentException("version must be >= 1 and agent_round >= 0");
    }
    if ((state == NegotiationState.CANCELLED) != (cancelReason != null)) {
      throw new IllegalArgumentException("cancel_reason is set exactly when cancelled");
    }
    if (state == NegotiationState.FINALIZED && outcome == null) {
      throw new IllegalArgumentException("a finalized negotiation has an outcome");
    }
    if (participants.size() < 2 || participants.size() > Limits.MAX_PARTICIPANTS) {
      throw new IllegalArgumentException("a negotiation has 2-50 participants");
    }
    Participant first = participants.get(0);
    if (first.role() != ParticipantRole.ORGANIZER || !first.userId().equals(ownerId)) {
      throw new IllegalArgumentException("the owner is the first participant and the organizer");
    }
    Set<UserId> seen = new HashSet<>();
    for (Participant p : participants) {
      if (!seen.add(p.userId())) {
        throw new IllegalArgumentException("participant user ids are unique");
      }
      if (p != first && p.role() != ParticipantRole.INVITEE) {
        throw new IllegalArgumentException("only the owner organizes");
      }
    }
    if (slots.isEmpty()) {
      throw new IllegalArgumentException("a negotiation has at least one slot");
    }
  }

  // ---------------------------------------------------------------- creation

  /**
   * Starts a negotiation, enforcing every creation rule: invitees, options in the future, the
   * expiry window. The organizer starts out accepting every initial option.
   */
  public static Transition start(StartCommand command, UserId owner, Instant now, IdGenerator ids) {
    Instant expiresAt = resolveExpiry(command.expiresAt(), now);
    List<Participant> participants = new ArrayList<>();
    List<UserId> invitees =
        command.participantIds().stream().filter(p -> !p.equals(owner)).toList();
    if (invitees.isEmpty()) {
      throw new ValidationFailure("participant_ids", "no_invitees", "must name an invitee");
    }
    if (invitees.size() > Limits.MAX_INVITEES) {
      throw new ValidationFailure(
          "participant_ids", "too_many_participants", "at most 49 invitees");
    }
    Set<SlotId> usedSlotIds = new HashSet<>();
    List<ProposedSlot> slots =
        proposeSlots(command.proposedSlots(), "proposed_slots", usedSlotIds, owner, 0, now, ids);
    List<ProposedVenue> venues =
        proposeVenues(command.venues(), "proposed_venues", new HashSet<>(), owner, 0, ids);
    participants.add(
        new Participant(
            owner,
            ParticipantRole.ORGANIZER,
            ParticipantStatus.ACCEPTED,
            ids(slots),
            venueIds(venues),
            now,
            null));
    invitees.forEach(u -> participants.add(Participant.invitee(u)));
    NegotiationState initial = command.initialStateOrDefault();
    Builder b = new Builder();
    b.id = command.id();
    b.ownerId = owner;
    b.state = initial;
    b.intentCategory = command.intentCategory();
    b.agentMode = command.agentModeOrDefault();
    b.version = 1;
    b.participants = participants;
    b.slots = slots;
    b.venues = venues;
    b.encryptedPayload = command.encryptedPayload();
    b.blobVersion = command.blobVersionOrDefault();
    b.lastActorId = owner;
    b.lastAction = NegotiationAction.START;
    b.createdAt = now;
    b.updatedAt = now;
    b.expiresAt = expiresAt;
    b.activatedAt = initial == NegotiationState.ACTIVE ? now : null;
    b.startFingerprint = command.fingerprint();
    Negotiation started = b.build();
    return new Transition(
        started,
        new Activity(started.id, owner, NegotiationAction.START, null, initial, 1, now, null, null),
        new Transition.StillOpen());
  }

  private static Instant resolveExpiry(Instant requested, Instant now) {
    if (requested == null) {
      return now.plus(Limits.DEFAULT_EXPIRY);
    }
    if (!requested.isAfter(now)) {
      throw new ValidationFailure("expires_at", "expires_in_past", "must be in the future");
    }
    if (requested.isAfter(now.plus(Limits.MAX_EXPIRY))) {
      throw new ValidationFailure("expires_at", "expires_too_far", "must be at most 90 days ahead");
    }
    return requested;
  }

  /** Rebuilds stored state, checking structural invariants only. For repositories. */
  public static Negotiation rehydrate(
      NegotiationId id,
      UserId ownerId,
      NegotiationState state,
      CancelReason cancelReason,
      IntentCategory intentCategory,
      AgentMode agentMode,
      int agentRound,
      long version,
      List<Participant> participants,
      List<ProposedSlot> slots,
      List<ProposedVenue> venues,
      Outcome outcome,
      EncryptedBlob encryptedPayload,
      EncryptedBlob counterPayload,
      BlobVersion blobVersion,
      UserId lastActorId,
      NegotiationAction lastAction,
      Instant createdAt,
      Instant updatedAt,
      Instant expiresAt,
      Instant activatedAt,
      String startFingerprint) {
    Builder b = new Builder();
    b.id = id;
    b.ownerId = ownerId;
    b.state = state;
    b.cancelReason = cancelReason;
    b.intentCategory = intentCategory;
    b.agentMode = agentMode;
    b.agentRound = agentRound;
    b.version = version;
    b.participants = participants;
    b.slots = slots;
    b.venues = venues;
    b.outcome = outcome;
    b.encryptedPayload = encryptedPayload;
    b.counterPayload = counterPayload;
    b.blobVersion = blobVersion;
    b.lastActorId = lastActorId;
    b.lastAction = lastAction;
    b.createdAt = createdAt;
    b.updatedAt = updatedAt;
    b.expiresAt = expiresAt;
    b.activatedAt = activatedAt;
    b.startFingerprint = startFingerprint;
    return b.build();
  }

  // ---------------------------------------------------------------- reading

  /** True once {@code now} reached {@code expires_at} while the negotiation was still open. */
  public boolean isExpiredAt(Instant now) {
    return state.isOpen() && !now.isBefore(expiresAt);
  }

  /**
   * The negotiation as it reads at {@code now}: past its expiry an open negotiation reads as
   * cancelled ({@code expired}) with the version the sweep will write, before any sweep ran.
   */
  public Negotiation asOf(Instant now) {
    if (!isExpiredAt(now)) {
      return this;
    }
    Builder b = toBuilder();
    b.state = NegotiationState.CANCELLED;
    b.cancelReason = CancelReason.EXPIRED;
    b.version = version + 1;
    b.lastActorId = null;
    b.lastAction = NegotiationAction.EXPIRE;
    return b.build();
  }

  /** A draft is its owner's alone; once sent, every participant sees it. */
  public boolean isVisibleTo(UserId user) {
    return ownerId.equals(user) || (activatedAt != null && participant(user).isPresent());
  }

  /**
   * Refuses callers who may not read it: another user's draft is 404 (its existence is not
   * revealed, even to its invitees), a sent negotiation is 403 to non-participants.
   */
  public void requireReadableBy(UserId user) {
    if (ownerId.equals(user)) {
      return;
    }
    if (activatedAt == null) {
      throw new NotFound(ResourceType.NEGOTIATION, id.toString());
    }
    if (participant(user).isEmpty()) {
      throw new AccessDenied(ResourceType.NEGOTIATION, id.toString());
    }
  }

  public Optional<Participant> participant(UserId user) {
    return participants.stream().filter(p -> p.userId().equals(user)).findFirst();
  }

  /** Whether {@code fingerprint} is the start request this negotiation was made from. */
  public boolean wasStartedBy(UserId user, String fingerprint) {
    return ownerId.equals(user) && Objects.equals(startFingerprint, fingerprint);
  }

  // ---------------------------------------------------------------- writes

  /** Draft → active, by the owner. */
  public Transition send(UserId actor, Long expectedVersion, Instant now) {
    guardOwnerWrite(actor, NegotiationAction.SEND, expectedVersion, now);
    if (state != NegotiationState.DRAFT) {
      throw new InvalidStateTransition(state, NegotiationAction.SEND);
    }
    Builder b = changed(actor, NegotiationAction.SEND, now);
    b.state = NegotiationState.ACTIVE;
    b.activatedAt = now;
    return transition(b, new Transition.StillOpen(), null, null);
  }

  /** Draft, active or finalized → cancelled ({@code owner_cancelled}), by the owner. */
  public Transition cancel(UserId actor, Long expectedVersion, Instant now) {
    guardOwnerWrite(actor, NegotiationAction.CANCEL, expectedVersion, now);
    if (state == NegotiationState.CANCELLED) {
      throw new InvalidStateTransition(state, NegotiationAction.CANCEL);
    }
    Builder b = changed(actor, NegotiationAction.CANCEL, now);
    b.state = NegotiationState.CANCELLED;
    b.cancelReason = CancelReason.OWNER_CANCELLED;
    return transition(
        b,
        new Transition.Cancelled(CancelReason.OWNER_CANCELLED, state == NegotiationState.FINALIZED),
        null,
        null);
  }

  /** Persists an expiry that is due; the system is the actor. */
  public Transition expire(Instant now) {
    if (!isExpiredAt(now)) {
      throw new InvalidStateTransition(asOf(now).state, NegotiationAction.EXPIRE);
    }
    Builder b = changed(null, NegotiationAction.EXPIRE, now);
    b.state = NegotiationState.CANCELLED;
    b.cancelReason = CancelReason.EXPIRED;
    return transition(b, new Transition.Cancelled(CancelReason.EXPIRED, false), null, null);
  }

  /**
   * A participant's accept, decline or counter, followed by the consensus rule. Finalization yields
   * the outcome and one confirmed event per agreeing participant.
   */
  public Transition reply(UserId actor, ReplyCommand command, Instant now, IdGenerator ids) {
    Reply reply = command.reply();
    NegotiationAction action = reply.action();
    requireReadableBy(actor);
    Participant me = participant(actor).orElseThrow();
    guardWrite(action, command.expectedVersion(), now);
    if (state != NegotiationState.ACTIVE) {
      throw new InvalidStateTransition(state, action);
    }
    Builder b = changed(actor, action, now);
    List<Participant> next = new ArrayList<>(participants);
    int myIndex = next.indexOf(me);
    if (reply instanceof Reply.Decline) {
      if (me.role() == ParticipantRole.ORGANIZER) {
        throw new OrganizerCannotDecline(state);
      }
      next.set(
          myIndex,
          me.answer(
              ParticipantStatus.DECLINED, Set.of(), Set.of(), now, command.encryptedPayload()));
    } else if (reply instanceof Reply.Accept accept) {
      Set<SlotId> mySlots = acceptedSlots(accept.slotIds(), "accepted_slot_ids", now, true);
      Set<VenueId> myVenues = acceptedVenues(accept.venueIds(), "accepted_venue_ids", venues);
      next.set(
          myIndex,
          me.answer(
              ParticipantStatus.ACCEPTED, mySlots, myVenues, now, command.encryptedPayload()));
    } else {
      Reply.Counter counter = (Reply.Counter) reply;
      applyCounter(b, counter, actor, now, ids);
      Set<SlotId> mySlots =
          counter.newSlots().isEmpty() && counter.slotIds() == null
              ? openSlotIds(b.slots, now)
              : union(
                  ids(b.slots.subList(slots.size(), b.slots.size())),
                  listedSlots(counter.slotIds(), "accepted_slot_ids", now));
      Set<VenueId> myVenues =
          counter.newVenues().isEmpty() && counter.venueIds() == null
              ? venueIds(b.venues)
              : union(
                  venueIds(b.venues.subList(venues.size(), b.venues.size())),
                  listedVenues(counter.venueIds(), "accepted_venue_ids", venues));
      for (int i = 0; i < next.size(); i++) {
        Participant other = next.get(i);
        if (i != myIndex && other.status().agrees()) {
          next.set(i, other.reset());
        }
      }
      next.set(
          myIndex,
          me.answer(
              ParticipantStatus.COUNTERED, mySlots, myVenues, now, command.encryptedPayload()));
    }
    b.participants = next;
    return settle(b, actor, now, ids, command);
  }

  private void applyCounter(
      Builder b, Reply.Counter counter, UserId actor, Instant now, IdGenerator ids) {
    if (slots.size() + counter.newSlots().size() > Limits.MAX_OPTIONS_PER_NEGOTIATION) {
      throw new ValidationFailure(
          "counter_slots", "too_many_options", "at most 50 slots per negotiation");
    }
    if (venues.size() + counter.newVenues().size() > Limits.MAX_OPTIONS_PER_NEGOTIATION) {
      throw new ValidationFailure(
          "counter_venues", "too_many_options", "at most 50 venues per negotiation");
    }
    int round = agentRound + 1;
    // Kept in proposal order (existing first): the new ones are the tail of each list.
    List<ProposedSlot> allSlots = new ArrayList<>(slots);
    allSlots.addAll(
        proposeSlots(counter.newSlots(), "counter_slots", slotIdSet(), actor, round, now, ids));
    List<ProposedVenue> allVenues = new ArrayList<>(venues);
    allVenues.addAll(
        proposeVenues(counter.newVenues(), "counter_venues", venueIdSet(), actor, round, ids));
    b.slots = allSlots;
    b.venues = allVenues;
    b.agentRound = round;
    b.counterPayload = counter.counterPayload();
  }

  private Transition settle(
      Builder b, UserId actor, Instant now, IdGenerator ids, ReplyCommand command) {
    Consensus.Decision decision = Consensus.decide(b.participants, b.slots, b.venues, now);
    Transition.Result result;
    if (decision instanceof Consensus.AllDeclined) {
      b.state = NegotiationState.CANCELLED;
      b.cancelReason = CancelReason.ALL_DECLINED;
      result = new Transition.Cancelled(CancelReason.ALL_DECLINED, false);
    } else if (decision instanceof Consensus.Agreed agreed) {
      b.state = NegotiationState.FINALIZED;
      b.outcome = agreed.outcome();
      result = new Transition.Finalized(agreed.outcome(), eventsFor(b, agreed.outcome(), now, ids));
    } else {
      result = new Transition.StillOpen();
    }
    return transition(b, result, command.replyId(), command.agentMode());
  }

  private static List<Event> eventsFor(Builder b, Outcome outcome, Instant now, IdGenerator ids) {
    ProposedSlot slot =
        b.slots.stream().filter(s -> s.id().equals(outcome.slotId())).findFirst().orElseThrow();
    List<Event> events = new ArrayList<>();
    for (Participant p : b.participants) {
      if (p.status() != ParticipantStatus.DECLINED) {
        events.add(
            new Event(
                new EventId(ids.newId()),
                p.userId(),
                b.id,
                EventSource.NEGOTIATION,
                EventStatus.CONFIRMED,
                slot.startsAt(),
                slot.endsAt(),
                slot.timezone(),
                slot.id(),
                outcome.venueId(),
                b.intentCategory,
                b.encryptedPayload,
                b.blobVersion,
                now,
                now));
      }
    }
    return events;
  }

  // ---------------------------------------------------------------- guards

  private void guardOwnerWrite(
      UserId actor, NegotiationAction action, Long expectedVersion, Instant now) {
    requireReadableBy(actor);
    if (!ownerId.equals(actor)) {
      throw new AccessDenied(ResourceType.NEGOTIATION, id.toString());
    }
    guardWrite(action, expectedVersion, now);
  }

  /**
   * Expiry first (the most useful answer), then the client's expected version. An expiry reads the
   * same whether or not the sweep has already written it.
   */
  private void guardWrite(NegotiationAction action, Long expectedVersion, Instant now) {
    if (isExpiredAt(now) || cancelReason == CancelReason.EXPIRED) {
      throw new NegotiationExpired(expiresAt, action);
    }
    if (expectedVersion != null && expectedVersion != version) {
      throw new StaleVersion(state, action, version);
    }
  }

  // ---------------------------------------------------------------- option sets

  private Set<SlotId> acceptedSlots(
      List<SlotId> listed, String field, Instant now, boolean requireOpenSlot) {
    if (listed == null) {
      Set<SlotId> open = openSlotIds(slots, now);
      if (requireOpenSlot && open.isEmpty()) {
        throw new ValidationFailure(field, "slot_closed", "no proposed slot is still open");
      }
      return open;
    }
    if (listed.isEmpty()) {
      throw new ValidationFailure(field, "empty_selection", "must name at least one slot");
    }
    return listedSlots(listed, field, now);
  }

  private Set<SlotId> listedSlots(List<SlotId> listed, String field, Instant now) {
    if (listed == null) {
      return Set.of();
    }
    Set<SlotId> result = new LinkedHashSet<>();
    for (int i = 0; i < listed.size(); i++) {
      SlotId slotId = listed.get(i);
      String path = field + "[" + i + "]";
      ProposedSlot slot =
          slots.stream()
              .filter(s -> s.id().equals(slotId))
              .findFirst()
              .orElseThrow(
                  () ->
                      new ValidationFailure(
                          path, "unknown_option", "is not a slot of this negotiation"));
      if (!slot.isOpenAt(now)) {
        throw new ValidationFailure(path, "slot_closed", "this slot has already started");
      }
      result.add(slotId);
    }
    return result;
  }

  private static Set<VenueId> acceptedVenues(
      List<VenueId> listed, String field, List<ProposedVenue> known) {
    if (listed == null) {
      return venueIds(known);
    }
    Set<VenueId> result = listedVenues(listed, field, known);
    if (result.isEmpty() && !known.isEmpty()) {
      throw new ValidationFailure(field, "empty_selection", "must name at least one venue");
    }
    return result;
  }

  private static Set<VenueId> listedVenues(
      List<VenueId> listed, String field, List<ProposedVenue> known) {
    if (listed == null) {
      return Set.of();
    }
    Set<VenueId> result = new LinkedHashSet<>();
    for (int i = 0; i < listed.size(); i++) {
      VenueId venueId = listed.get(i);
      if (known.stream().noneMatch(v -> v.id().equals(venueId))) {
        throw new ValidationFailure(
            field + "[" + i + "]", "unknown_option", "is not a venue of this negotiation");
      }
      result.add(venueId);
    }
    return result;
  }

  private static List<ProposedSlot> proposeSlots(
      List<SlotProposal> proposals,
      String field,
      Set<SlotId> taken,
      UserId by,
      int round,
      Instant now,
      IdGenerator ids) {
    List<ProposedSlot> result = new ArrayList<>();
    for (int i = 0; i < proposals.size(); i++) {
      SlotProposal p = proposals.get(i);
      String path = field + "[" + i + "]";
      SlotId slotId = p.id() != null ? p.id() : new SlotId(ids.newId());
      if (!taken.add(slotId)) {
        throw new ValidationFailure(path + ".id", "duplicate_option", "this id is already used");
      }
      try {
        result.add(p.toSlot(slotId, by, round, now));
      } catch (ValidationFailure f) {
        throw f.under(path);
      }
    }
    return result;
  }

  private static List<ProposedVenue> proposeVenues(
      List<VenueProposal> proposals,
      String field,
      Set<VenueId> taken,
      UserId by,
      int round,
      IdGenerator ids) {
    List<ProposedVenue> result = new ArrayList<>();
    for (int i = 0; i < proposals.size(); i++) {
      VenueProposal p = proposals.get(i);
      VenueId venueId = p.id() != null ? p.id() : new VenueId(ids.newId());
      if (!taken.add(venueId)) {
        throw new ValidationFailure(
            field + "[" + i + "].id", "duplicate_option", "this id is already used");
      }
      result.add(p.toVenue(venueId, by, round));
    }
    return result;
  }

  private static Set<SlotId> openSlotIds(List<ProposedSlot> slots, Instant now) {
    Set<SlotId> open = new LinkedHashSet<>();
    slots.stream().filter(s -> s.isOpenAt(now)).forEach(s -> open.add(s.id()));
    return open;
  }

  private static Set<SlotId> ids(List<ProposedSlot> slots) {
    Set<SlotId> result = new LinkedHashSet<>();
    slots.forEach(s -> result.add(s.id()));
    return result;
  }

  private static Set<VenueId> venueIds(List<ProposedVenue> venues) {
    Set<VenueId> result = new LinkedHashSet<>();
    venues.forEach(v -> result.add(v.id()));
    return result;
  }

  private Set<SlotId> slotIdSet() {
    return new HashSet<>(ids(slots));
  }

  private Set<VenueId> venueIdSet() {
    return new HashSet<>(venueIds(venues));
  }

  private static <T> Set<T> union(Set<T> a, Set<T> b) {
    Set<T> result = new LinkedHashSet<>(a);
    result.addAll(b);
    return result;
  }

  // ---------------------------------------------------------------- plumbing

  private Builder changed(UserId actor, NegotiationAction action, Instant now) {
    Builder b = toBuilder();
    b.version = version + 1;
    b.updatedAt = now;
    b.lastActorId = actor;
    b.lastAction = action;
    return b;
  }

  private Transition transition(
      Builder b, Transition.Result result, ReplyId replyId, AgentMode mode) {
    Negotiation next = b.build();
    return new Transition(
        next,
        new Activity(
            id,
            next.lastActorId,
            next.lastAction,
            state,
            next.state,
            next.version,
            next.updatedAt,
            replyId,
            mode),
        result);
  }

  private Builder toBuilder() {
    Builder b = new Builder();
    b.id = id;
    b.ownerId = ownerId;
    b.state = state;
    b.cancelReason = cancelReason;
    b.intentCategory = intentCategory;
    b.agentMode = agentMode;
    b.agentRound = agentRound;
    b.version = version;
    b.participants = participants;
    b.slots = slots;
    b.venues = venues;
    b.outcome = outcome;
    b.encryptedPayload = encryptedPayload;
    b.counterPayload = counterPayload;
    b.blobVersion = blobVersion;
    b.lastActorId = lastActorId;
    b.lastAction = lastAction;
    b.createdAt = createdAt;
    b.updatedAt = updatedAt;
    b.expiresAt = expiresAt;
    b.activatedAt = activatedAt;
    b.startFingerprint = startFingerprint;
    return b;
  }

  /** Mutable scratch space for building the next immutable negotiation. */
  private static final class Builder {
    NegotiationId id;
    UserId ownerId;
    NegotiationState state;
    CancelReason cancelReason;
    IntentCategory intentCategory;
    AgentMode agentMode;
    int agentRound;
    long version;
    List<Participant> participants = List.of();
    List<ProposedSlot> slots = List.of();
    List<ProposedVenue> venues = List.of();
    Outcome outcome;
    EncryptedBlob encryptedPayload;
    EncryptedBlob counterPayload;
    BlobVersion blobVersion;
    UserId lastActorId;
    NegotiationAction lastAction;
    Instant createdAt;
    Instant updatedAt;
    Instant expiresAt;
    Instant activatedAt;
    String startFingerprint;

    Negotiation build() {
      return new Negotiation(this);
    }
  }

  // ---------------------------------------------------------------- accessors

  public NegotiationId id() {
    return id;
  }

  public UserId ownerId() {
    return ownerId;
  }

  public NegotiationState state() {
    return state;
  }

  public Optional<CancelReason> cancelReason() {
    return Optional.ofNullable(cancelReason);
  }

  public IntentCategory intentCategory() {
    return intentCategory;
  }

  public AgentMode agentMode() {
    return agentMode;
  }

  public int agentRound() {
    return agentRound;
  }

  public long version() {
    return version;
  }

  /** Organizer first, then invitees as invited. */
  public List<Participant> participants() {
    return participants;
  }

  /** Earliest start first (ties: smaller id). */
  public List<ProposedSlot> slots() {
    return slots;
  }

  /** As proposed. */
  public List<ProposedVenue> venues() {
    return venues;
  }

  public Optional<Outcome> outcome() {
    return Optional.ofNullable(outcome);
  }

  public EncryptedBlob encryptedPayload() {
    return encryptedPayload;
  }

  public Optional<EncryptedBlob> counterPayload() {
    return Optional.ofNullable(counterPayload);
  }

  public BlobVersion blobVersion() {
    return blobVersion;
  }

  public Optional<UserId> lastActorId() {
    return Optional.ofNullable(lastActorId);
  }

  public NegotiationAction lastAction() {
    return lastAction;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  /** When it was first sent to its invitees; null while it is (or was cancelled as) a draft. */
  public Optional<Instant> activatedAt() {
    return Optional.ofNullable(activatedAt);
  }

  /** The start request's fingerprint, for offline-retry detection; null if unknown. */
  public Optional<String> startFingerprint() {
    return Optional.ofNullable(startFingerprint);
  }

  public int participantCount() {
    return participants.size();
  }

  public boolean isGroup() {
    return participants.size() > 2;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Negotiation)) {
      return false;
    }
    Negotiation n = (Negotiation) o;
    return toBuilderFields().equals(n.toBuilderFields());
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, version, state);
  }

  private List<Object> toBuilderFields() {
    return java.util.Arrays.asList(
        id,
        ownerId,
        state,
        cancelReason,
        intentCategory,
        agentMode,
        agentRound,
        version,
        participants,
        slots,
        venues,
        outcome,
        encryptedPayload,
        counterPayload,
        blobVersion,
        lastActorId,
        lastAction,
        createdAt,
        updatedAt,
        expiresAt,
        activatedAt,
        startFingerprint);
  }

  @Override
  public String toString() {
    return "Negotiation[" + id + ", " + state + ", v" + version + "]";
  }
}
