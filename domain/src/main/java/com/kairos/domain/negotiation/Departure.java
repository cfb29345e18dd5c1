package com.kairos.domain.negotiation;

import com.kairos.domain.common.IdGenerator;
import com.kairos.domain.common.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What deleting a user's account does to one negotiation they take part in (accounts.md), as
 * transitions made by that user:
 *
 * <ul>
 *   <li>their own draft or active negotiation is cancelled ({@link CancelReason#OWNER_DELETED},
 *       action {@code cancel});
 *   <li>in someone else's active negotiation they leave: declined with empty sets, then the
 *       consensus rule runs as after any decline (action {@code leave});
 *   <li>anywhere else (finalized or cancelled, or someone else's draft) the negotiation keeps its
 *       state and only loses the blobs they wrote (action {@code leave}, result {@link
 *       TransitionResult.Scrubbed}); nothing happens when they wrote none.
 * </ul>
 *
 * In every case the blobs they wrote go: their participant payload, the organizer's payload when
 * they own it, the counter payload when the latest counter was theirs. An open negotiation already
 * past its expiry is first expired by the system, as the sweep would have done.
 */
public final class Departure {
  private final Negotiation before;
  private final UserId leaver;
  private final Instant now;

  private Departure(Negotiation before, UserId leaver, Instant now) {
    this.before = before;
    this.leaver = leaver;
    this.now = now;
  }

  /**
   * The transitions, in order, that {@code leaver}'s account deletion makes on {@code negotiation}
   * (none when nothing of theirs is in it).
   *
   * @throws IllegalArgumentException when {@code leaver} does not take part in it
   */
  public static List<Transition> of(
      Negotiation negotiation, UserId leaver, Instant now, IdGenerator ids) {
    if (negotiation.participant(leaver).isEmpty()) {
      throw new IllegalArgumentException("not a participant of " + negotiation.id());
    }
    List<Transition> steps = new ArrayList<>();
    Negotiation current = negotiation;
    if (current.isExpiredAt(now)) {
      Transition expiry = current.expire(now);
      steps.add(expiry);
      current = expiry.negotiation();
    }
    new Departure(current, leaver, now).step(ids).ifPresent(steps::add);
    return steps;
  }

  private Optional<Transition> step(IdGenerator ids) {
    boolean owns = before.ownerId().equals(leaver);
    if (owns && before.state().isOpen()) {
      return Optional.of(ownerDeleted());
    }
    if (!owns && before.state() == NegotiationState.ACTIVE) {
      return Optional.of(leave(ids));
    }
    return scrub();
  }

  private Transition ownerDeleted() {
    CancelReason reason = CancelReason.OWNER_DELETED;
    NegotiationSnapshot s = before.snapshot();
    NegotiationSnapshot next =
        s.with(
            s.lifecycle().cancelled(reason),
            s.revision().next(leaver, NegotiationAction.CANCEL, now),
            s.roster().with(mine().withoutPayload()),
            s.options(),
            scrubbedPayloads());
    return transition(next, new TransitionResult.Cancelled(reason, false));
  }

  private Transition leave(IdGenerator ids) {
    NegotiationSnapshot s = before.snapshot();
    NegotiationSnapshot left =
        s.with(
            s.revision().next(leaver, NegotiationAction.LEAVE, now),
            s.roster().with(mine().left(now)),
            s.options(),
            scrubbedPayloads());
    Settlement.Settled settled = Settlement.settle(left, now, ids);
    return transition(settled.next(), settled.result());
  }

  private Optional<Transition> scrub() {
    Payloads payloads = scrubbedPayloads();
    if (mine().encryptedPayload() == null && payloads.equals(before.payloads())) {
      return Optional.empty();
    }
    NegotiationSnapshot s = before.snapshot();
    NegotiationSnapshot next =
        s.with(
            s.revision().next(leaver, NegotiationAction.LEAVE, now),
            s.roster().with(mine().withoutPayload()),
            s.options(),
            payloads);
    return Optional.of(transition(next, new TransitionResult.Scrubbed()));
  }

  private Participant mine() {
    return before.participant(leaver).orElseThrow();
  }

  /** The payloads without the organizer's blob if the leaver owns it, nor their counter's. */
  private Payloads scrubbedPayloads() {
    boolean owns = before.ownerId().equals(leaver);
    boolean countered = before.options().latestCounterer().map(leaver::equals).orElse(false);
    return before.payloads().without(owns, countered);
  }

  private Transition transition(NegotiationSnapshot next, TransitionResult result) {
    return new Transition(
        Negotiation.rehydrate(next), Activity.between(before.snapshot(), next, null, null), result);
  }
}
