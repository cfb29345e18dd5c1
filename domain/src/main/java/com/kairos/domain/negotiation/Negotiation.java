package com.kairos.domain.negotiation;

import com.kairos.domain.common.AgentMode;
import com.kairos.domain.common.BlobVersion;
import com.kairos.domain.common.EncryptedBlob;
import com.kairos.domain.common.IdGenerator;
import com.kairos.domain.common.IntentCategory;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.ReplyId;
import com.kairos.domain.common.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The negotiation aggregate over its parts: {@link Lifecycle}, {@link Revision}, {@link Roster},
 * {@link Options} and {@link Payloads}, each holding its own invariants, all in one {@link
 * NegotiationSnapshot}. Immutable; every accepted write returns a {@link Transition} holding the
 * next negotiation, and every refused one throws a typed {@link
 * com.kairos.domain.common.DomainException}. Time always comes in as a parameter.
 */
public final class Negotiation {
  private final NegotiationSnapshot s;

  private Negotiation(NegotiationSnapshot snapshot) {
    this.s = Objects.requireNonNull(snapshot, "snapshot");
  }

  /**
   * Starts a negotiation, enforcing every creation rule: invitees, options in the future, the
   * expiry window. The organizer starts out accepting every initial option.
   */
  public static Transition start(StartCommand command, UserId owner, Instant now, IdGenerator ids) {
    NegotiationSnapshot snapshot = NegotiationStart.snapshot(command, owner, now, ids);
    return new Transition(
        rehydrate(snapshot), Activity.started(snapshot), new TransitionResult.StillOpen());
  }

  /**
   * The one way to make a negotiation from its state: a repository's stored state, or the next
   * state a write computed. Each part checks its structural invariants.
   */
  public static Negotiation rehydrate(NegotiationSnapshot snapshot) {
    return new Negotiation(snapshot);
  }

  /** The whole state, for repositories. */
  public NegotiationSnapshot snapshot() {
    return s;
  }

  /** See {@link Expiry#isDue}. */
  public boolean isExpiredAt(Instant now) {
    return s.lifecycle().isExpiredAt(now);
  }

  /**
   * The negotiation as it reads at {@code now}: past its expiry an open negotiation reads as
   * cancelled ({@code expired}) with the version the sweep will write, before any sweep ran.
   */
  public Negotiation asOf(Instant now) {
    if (!isExpiredAt(now)) {
      return this;
    }
    return rehydrate(s.with(s.lifecycle().expired(), s.revision().expiredAsRead()));
  }

  /**
   * A draft is its owner's alone; once sent, every participant sees it. The one definition: lists
   * and the stored per-participant visibility both take it from here.
   */
  public boolean isVisibleTo(UserId user) {
    return s.ownerId().equals(user) || (s.lifecycle().wasSent() && participant(user).isPresent());
  }

  /** How many participants currently agree (accepted or countered). */
  public int acceptedCount() {
    return s.roster().acceptedCount();
  }

  /**
   * Refuses callers who may not read it: another user's draft is not found (its existence is not
   * revealed, even to its invitees), a sent negotiation is denied to non-participants.
   */
  public void requireReadableBy(UserId user) {
    Guards.requireReadable(s.id(), s.ownerId(), s.lifecycle(), s.roster(), user);
  }

  public Optional<Participant> participant(UserId user) {
    return s.roster().find(user);
  }

  /** Whether {@code fingerprint} is the start request this negotiation was made from. */
  public boolean wasStartedBy(UserId user, String fingerprint) {
    return s.ownerId().equals(user) && Objects.equals(s.startFingerprint(), fingerprint);
  }

  /** Draft → active, by the owner. */
  public Transition send(UserId actor, Long expectedVersion, Instant now) {
    requireOwnerWrite(actor, NegotiationAction.SEND, expectedVersion, now);
    if (state() != NegotiationState.DRAFT) {
      throw new InvalidStateTransition(state(), NegotiationAction.SEND);
    }
    NegotiationSnapshot next = changed(s.lifecycle().sent(now), actor, NegotiationAction.SEND, now);
    return transition(next, new TransitionResult.StillOpen(), null, null);
  }

  /** Draft, active or finalized → cancelled ({@code OWNER_CANCELLED}), by the owner. */
  public Transition cancel(UserId actor, Long expectedVersion, Instant now) {
    requireOwnerWrite(actor, NegotiationAction.CANCEL, expectedVersion, now);
    if (state() == NegotiationState.CANCELLED) {
      throw new InvalidStateTransition(state(), NegotiationAction.CANCEL);
    }
    CancelReason reason = CancelReason.OWNER_CANCELLED;
    NegotiationSnapshot next =
        changed(s.lifecycle().cancelled(reason), actor, NegotiationAction.CANCEL, now);
    boolean voidsEvents = state() == NegotiationState.FINALIZED;
    return transition(next, new TransitionResult.Cancelled(reason, voidsEvents), null, null);
  }

  /** Persists an expiry that is due; the system is the actor. */
  public Transition expire(Instant now) {
    if (!isExpiredAt(now)) {
      throw new InvalidStateTransition(asOf(now).state(), Expiry.ACTION);
    }
    NegotiationSnapshot next = changed(s.lifecycle().expired(), null, Expiry.ACTION, now);
    return transition(next, new TransitionResult.Cancelled(Expiry.REASON, false), null, null);
  }

  /**
   * A participant's accept, decline or counter, followed by the consensus rule. Finalization yields
   * the outcome and one confirmed event per agreeing participant.
   */
  public Transition reply(UserId actor, ReplyCommand command, Instant now, IdGenerator ids) {
    NegotiationAction action = command.reply().action();
    requireReadableBy(actor);
    Participant me = participant(actor).orElseThrow();
    Guards.requireWritable(s.lifecycle(), version(), action, command.expectedVersion(), now);
    if (state() != NegotiationState.ACTIVE) {
      throw new InvalidStateTransition(state(), action);
    }
    Settlement.Settled settled = ReplyApplication.settle(s, me, command, now, ids);
    return transition(settled.next(), settled.result(), command.replyId(), command.agentMode());
  }

  private void requireOwnerWrite(
      UserId actor, NegotiationAction action, Long expectedVersion, Instant now) {
    requireReadableBy(actor);
    Guards.requireOwner(s.id(), s.ownerId(), actor);
    Guards.requireWritable(s.lifecycle(), version(), action, expectedVersion, now);
  }

  private NegotiationSnapshot changed(
      Lifecycle lifecycle, UserId actor, NegotiationAction action, Instant now) {
    return s.with(lifecycle, s.revision().next(actor, action, now));
  }

  private Transition transition(
      NegotiationSnapshot next, TransitionResult result, ReplyId replyId, AgentMode mode) {
    return new Transition(rehydrate(next), Activity.between(s, next, replyId, mode), result);
  }

  public NegotiationId id() {
    return s.id();
  }

  public UserId ownerId() {
    return s.ownerId();
  }

  public IntentCategory intentCategory() {
    return s.intentCategory();
  }

  public AgentMode agentMode() {
    return s.agentMode();
  }

  public Lifecycle lifecycle() {
    return s.lifecycle();
  }

  public Roster roster() {
    return s.roster();
  }

  public Options options() {
    return s.options();
  }

  public Payloads payloads() {
    return s.payloads();
  }

  public NegotiationState state() {
    return s.lifecycle().state();
  }

  public Optional<CancelReason> cancelReason() {
    return Optional.ofNullable(s.lifecycle().cancelReason());
  }

  public Optional<Outcome> outcome() {
    return Optional.ofNullable(s.lifecycle().outcome());
  }

  public Instant expiresAt() {
    return s.lifecycle().expiresAt();
  }

  /** When it was first sent to its invitees; empty while it is (or was cancelled as) a draft. */
  public Optional<Instant> activatedAt() {
    return Optional.ofNullable(s.lifecycle().activatedAt());
  }

  public long version() {
    return s.revision().version();
  }

  public Optional<UserId> lastActorId() {
    return Optional.ofNullable(s.revision().lastActorId());
  }

  public NegotiationAction lastAction() {
    return s.revision().lastAction();
  }

  public Instant createdAt() {
    return s.revision().createdAt();
  }

  public Instant updatedAt() {
    return s.revision().updatedAt();
  }

  /** Organizer first, then invitees as invited. */
  public List<Participant> participants() {
    return s.roster().members();
  }

  public int participantCount() {
    return s.roster().size();
  }

  public boolean isGroup() {
    return s.roster().isGroup();
  }

  /** Earliest start first (ties: smaller id). */
  public List<ProposedSlot> slots() {
    return s.options().slots();
  }

  /** As proposed. */
  public List<ProposedVenue> venues() {
    return s.options().venues();
  }

  public int agentRound() {
    return s.options().round();
  }

  /** The organizer's blob; empty once its author deleted their account (see {@link Departure}). */
  public Optional<EncryptedBlob> encryptedPayload() {
    return Optional.ofNullable(s.payloads().encrypted());
  }

  public Optional<EncryptedBlob> counterPayload() {
    return Optional.ofNullable(s.payloads().counter());
  }

  public BlobVersion blobVersion() {
    return s.payloads().blobVersion();
  }

  /** The start request's fingerprint, for offline-retry detection; empty if unknown. */
  public Optional<String> startFingerprint() {
    return Optional.ofNullable(s.startFingerprint());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Negotiation n && s.equals(n.s);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id(), version(), state());
  }

  @Override
  public String toString() {
    return "Negotiation[" + id() + ", " + state() + ", v" + version() + "]";
  }
}
