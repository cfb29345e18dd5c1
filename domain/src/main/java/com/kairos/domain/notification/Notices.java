package com.kairos.domain.notification;

import com.kairos.domain.common.UserId;
import com.kairos.domain.event.Event;
import com.kairos.domain.negotiation.Negotiation;
import com.kairos.domain.negotiation.NegotiationAction;
import com.kairos.domain.negotiation.NegotiationState;
import com.kairos.domain.negotiation.Participant;
import com.kairos.domain.negotiation.ParticipantRole;
import com.kairos.domain.negotiation.ParticipantStatus;
import com.kairos.domain.negotiation.Transition;
import com.kairos.domain.negotiation.TransitionResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Who is told what after a write: the one home of the notification table. Every row that applies to
 * a transition contributes its recipients (an accept that finalizes tells the organizer both), and
 * the actor is never told of their own action.
 */
public final class Notices {
  private Notices() {}

  /** The notices {@code transition} causes. */
  public static List<Notice> of(Transition transition) {
    Negotiation after = transition.negotiation();
    NegotiationAction action = transition.activity().action();
    UserId actor = transition.activity().actorId();
    Table table = new Table(after, actor, action);
    NegotiationState from = transition.activity().fromState(); // null for a start
    boolean activated =
        after.state() == NegotiationState.ACTIVE
            && (from == null || from == NegotiationState.DRAFT);
    if (activated) {
      table.tell(NotificationKind.INVITED, p -> p.role() == ParticipantRole.INVITEE);
    }
    boolean leftActive = action == NegotiationAction.LEAVE && from == NegotiationState.ACTIVE;
    switch (action) {
      case ACCEPT, DECLINE ->
          table.tell(NotificationKind.REPLIED, p -> p.role() == ParticipantRole.ORGANIZER);
      case LEAVE -> {
        // Leaving an active negotiation is a decline; losing one's blobs elsewhere tells no one.
        if (leftActive) {
          table.tell(NotificationKind.REPLIED, p -> p.role() == ParticipantRole.ORGANIZER);
        }
      }
      case COUNTER -> table.tell(NotificationKind.COUNTERED, Notices::stillIn);
      case EXPIRE -> table.tell(NotificationKind.EXPIRED, Notices::stillIn);
      case START, SEND, CANCEL -> {
        // Activation is told above, a cancellation below: both follow from the result.
      }
    }
    table.result(transition.result());
    return table.notices;
  }

  /**
   * The notices of an expiry the sweep already wrote: {@code expired} is the stored negotiation
   * after it. The same row of the table as {@link #of} applies to an expiry transition.
   */
  public static List<Notice> ofExpiry(Negotiation expired) {
    if (expired.lastAction() != NegotiationAction.EXPIRE) {
      throw new IllegalArgumentException("not an expired negotiation: " + expired.id());
    }
    Table table = new Table(expired, null, NegotiationAction.EXPIRE);
    table.tell(NotificationKind.EXPIRED, Notices::stillIn);
    return table.notices;
  }

  private static boolean stillIn(Participant p) {
    return p.status() != ParticipantStatus.DECLINED;
  }

  /** Collects notices for one transition, leaving out the actor. */
  private static final class Table {
    private final Negotiation after;
    private final UserId actor;
    private final NegotiationAction action;
    private final List<Notice> notices = new ArrayList<>();

    Table(Negotiation after, UserId actor, NegotiationAction action) {
      this.after = after;
      this.actor = actor;
      this.action = action;
    }

    void tell(NotificationKind kind, Predicate<Participant> who) {
      for (Participant p : after.participants()) {
        if (who.test(p)) {
          add(kind, p.userId());
        }
      }
    }

    /** A finalization tells everyone it confirmed an event for; a cancellation everyone in. */
    void result(TransitionResult result) {
      if (result instanceof TransitionResult.Finalized finalized) {
        for (Event event : finalized.events()) {
          add(NotificationKind.FINALIZED, event.ownerId());
        }
      } else if (result instanceof TransitionResult.Cancelled
          && action != NegotiationAction.EXPIRE) {
        // An expiry ends as a cancellation too, but it has its own row: told once, as expired.
        tell(NotificationKind.CANCELLED, Notices::stillIn);
      }
    }

    private void add(NotificationKind kind, UserId recipient) {
      // A draft is its owner's alone: its invitees hear nothing of it, not even its end.
      if (!Objects.equals(recipient, actor) && after.isVisibleTo(recipient)) {
        notices.add(new Notice(kind, after.id(), after.version(), recipient));
      }
    }
  }
}
