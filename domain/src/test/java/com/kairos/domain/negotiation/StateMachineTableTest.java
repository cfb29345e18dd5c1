package com.kairos.domain.negotiation;

import static com.kairos.domain.testing.Fixtures.ALICE;
import static com.kairos.domain.testing.Fixtures.BOB;
import static com.kairos.domain.testing.Fixtures.CAROL;
import static com.kairos.domain.testing.Fixtures.MALLORY;
import static com.kairos.domain.testing.Fixtures.NOW;
import static com.kairos.domain.testing.Fixtures.blob;
import static com.kairos.domain.testing.StartRequest.start;
import static org.assertj.core.api.Assertions.assertThat;

import com.kairos.domain.common.AccessDenied;
import com.kairos.domain.common.Names;
import com.kairos.domain.common.NotFound;
import com.kairos.domain.common.UserId;
import com.kairos.domain.testing.SequentialIds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every (state, trigger, actor role) combination of the state machine, with the resulting state or
 * the exact refusal. The rows are the table of domain.md, written out in full.
 */
class StateMachineTableTest {

  enum Given {
    DRAFT,
    ACTIVE,
    FINALIZED,
    OWNER_CANCELLED,
    ALL_DECLINED,
    EXPIRED_ACTIVE,
    EXPIRED_DRAFT,
    SWEPT_ACTIVE,
    SWEPT_DRAFT
  }

  enum Trigger {
    SEND,
    CANCEL,
    ACCEPT,
    DECLINE,
    COUNTER,
    EXPIRE
  }

  enum Role {
    OWNER,
    INVITEE,
    STRANGER,
    SYSTEM
  }

  private static final String ACTIVE = "-> active";
  private static final String OWNER_CANCELLED = "-> cancelled/owner_cancelled";
  private static final String EXPIRED = "-> cancelled/expired";
  private static final String NOT_FOUND = "! not_found";
  private static final String FORBIDDEN = "! forbidden";
  private static final String EXPIRED_REFUSAL = "! negotiation_expired";
  private static final String ORGANIZER_DECLINE = "! organizer_cannot_decline";

  private static String invalid(String state, String action) {
    return "! invalid_state_transition(" + state + ", " + action + ")";
  }

  static Stream<Arguments> table() {
    List<Arguments> rows = new ArrayList<>();
    // draft: only its owner can see it; send activates, cancel cancels.
    row(rows, Given.DRAFT, Trigger.SEND, ACTIVE, NOT_FOUND, NOT_FOUND);
    row(rows, Given.DRAFT, Trigger.CANCEL, OWNER_CANCELLED, NOT_FOUND, NOT_FOUND);
    row(rows, Given.DRAFT, Trigger.ACCEPT, invalid("draft", "accept"), NOT_FOUND, NOT_FOUND);
    row(rows, Given.DRAFT, Trigger.DECLINE, invalid("draft", "decline"), NOT_FOUND, NOT_FOUND);
    row(rows, Given.DRAFT, Trigger.COUNTER, invalid("draft", "counter"), NOT_FOUND, NOT_FOUND);
    system(rows, Given.DRAFT, invalid("draft", "expire"));
    // active: replies by any participant; send/cancel are the owner's.
    row(rows, Given.ACTIVE, Trigger.SEND, invalid("active", "send"), FORBIDDEN, FORBIDDEN);
    row(rows, Given.ACTIVE, Trigger.CANCEL, OWNER_CANCELLED, FORBIDDEN, FORBIDDEN);
    row(rows, Given.ACTIVE, Trigger.ACCEPT, ACTIVE, ACTIVE, FORBIDDEN);
    row(rows, Given.ACTIVE, Trigger.DECLINE, ORGANIZER_DECLINE, ACTIVE, FORBIDDEN);
    row(rows, Given.ACTIVE, Trigger.COUNTER, ACTIVE, ACTIVE, FORBIDDEN);
    system(rows, Given.ACTIVE, invalid("active", "expire"));
    // finalized: only the owner's cancel is left.
    row(rows, Given.FINALIZED, Trigger.SEND, invalid("finalized", "send"), FORBIDDEN, FORBIDDEN);
    row(rows, Given.FINALIZED, Trigger.CANCEL, OWNER_CANCELLED, FORBIDDEN, FORBIDDEN);
    for (Trigger reply : List.of(Trigger.ACCEPT, Trigger.DECLINE, Trigger.COUNTER)) {
      String refusal = invalid("finalized", reply.name().toLowerCase());
      row(rows, Given.FINALIZED, reply, refusal, refusal, FORBIDDEN);
    }
    system(rows, Given.FINALIZED, invalid("finalized", "expire"));
    // cancelled is terminal, whatever the reason.
    for (Given cancelled : List.of(Given.OWNER_CANCELLED, Given.ALL_DECLINED)) {
      row(rows, cancelled, Trigger.SEND, invalid("cancelled", "send"), FORBIDDEN, FORBIDDEN);
      row(rows, cancelled, Trigger.CANCEL, invalid("cancelled", "cancel"), FORBIDDEN, FORBIDDEN);
      for (Trigger reply : List.of(Trigger.ACCEPT, Trigger.DECLINE, Trigger.COUNTER)) {
        String refusal = invalid("cancelled", reply.name().toLowerCase());
        row(rows, cancelled, reply, refusal, refusal, FORBIDDEN);
      }
      system(rows, cancelled, invalid("cancelled", "expire"));
    }
    // past expires_at: every write is refused as expired; the sweep persists the expiry.
    row(rows, Given.EXPIRED_ACTIVE, Trigger.SEND, EXPIRED_REFUSAL, FORBIDDEN, FORBIDDEN);
    row(rows, Given.EXPIRED_ACTIVE, Trigger.CANCEL, EXPIRED_REFUSAL, FORBIDDEN, FORBIDDEN);
    for (Trigger reply : List.of(Trigger.ACCEPT, Trigger.DECLINE, Trigger.COUNTER)) {
      row(rows, Given.EXPIRED_ACTIVE, reply, EXPIRED_REFUSAL, EXPIRED_REFUSAL, FORBIDDEN);
    }
    system(rows, Given.EXPIRED_ACTIVE, EXPIRED);
    for (Trigger t : List.of(Trigger.SEND, Trigger.CANCEL, Trigger.ACCEPT, Trigger.DECLINE)) {
      row(rows, Given.EXPIRED_DRAFT, t, EXPIRED_REFUSAL, NOT_FOUND, NOT_FOUND);
    }
    row(rows, Given.EXPIRED_DRAFT, Trigger.COUNTER, EXPIRED_REFUSAL, NOT_FOUND, NOT_FOUND);
    system(rows, Given.EXPIRED_DRAFT, EXPIRED);
    // once the sweep has written the expiry, writes get the same answer as before it ran.
    row(rows, Given.SWEPT_ACTIVE, Trigger.SEND, EXPIRED_REFUSAL, FORBIDDEN, FORBIDDEN);
    row(rows, Given.SWEPT_ACTIVE, Trigger.CANCEL, EXPIRED_REFUSAL, FORBIDDEN, FORBIDDEN);
    for (Trigger reply : List.of(Trigger.ACCEPT, Trigger.DECLINE, Trigger.COUNTER)) {
      row(rows, Given.SWEPT_ACTIVE, reply, EXPIRED_REFUSAL, EXPIRED_REFUSAL, FORBIDDEN);
    }
    system(rows, Given.SWEPT_ACTIVE, invalid("cancelled", "expire"));
    for (Trigger t : EnumSet.complementOf(EnumSet.of(Trigger.EXPIRE))) {
      row(rows, Given.SWEPT_DRAFT, t, EXPIRED_REFUSAL, NOT_FOUND, NOT_FOUND);
    }
    system(rows, Given.SWEPT_DRAFT, invalid("cancelled", "expire"));
    return rows.stream();
  }

  private static void row(
      List<Arguments> rows, Given given, Trigger trigger, String owner, String invitee, String x) {
    rows.add(Arguments.of(given, trigger, Role.OWNER, owner));
    rows.add(Arguments.of(given, trigger, Role.INVITEE, invitee));
    rows.add(Arguments.of(given, trigger, Role.STRANGER, x));
  }

  private static void system(List<Arguments> rows, Given given, String expected) {
    rows.add(Arguments.of(given, Trigger.EXPIRE, Role.SYSTEM, expected));
  }

  @ParameterizedTest(name = "{0} + {1} by {2} {3}")
  @MethodSource("table")
  void everyCombinationHasItsDocumentedResult(
      Given given, Trigger trigger, Role role, String expected) {
    SequentialIds ids = new SequentialIds(7);
    Negotiation negotiation = given(given, ids);
    Instant at =
        given == Given.EXPIRED_ACTIVE || given == Given.EXPIRED_DRAFT
            ? negotiation.expiresAt()
            : given == Given.SWEPT_ACTIVE || given == Given.SWEPT_DRAFT
                ? negotiation.expiresAt().plus(Duration.ofMinutes(5))
                : NOW.plus(Duration.ofHours(1));
    assertThat(attempt(negotiation, trigger, role, at, ids)).isEqualTo(expected);
  }

  @Test
  void theTableCoversEveryCombination() {
    Set<List<Object>> seen = new HashSet<>();
    table().forEach(a -> seen.add(Arrays.asList(a.get()).subList(0, 3)));
    int userTriggers = EnumSet.complementOf(EnumSet.of(Trigger.EXPIRE)).size();
    assertThat(seen).hasSize(Given.values().length * (userTriggers * 3 + 1));
  }

  private static Negotiation given(Given given, SequentialIds ids) {
    Instant later = NOW.plus(Duration.ofMinutes(30));
    switch (given) {
      case DRAFT:
      case EXPIRED_DRAFT:
        return start().inviting(BOB, CAROL).draft().startedBy(ALICE, ids);
      case ACTIVE:
      case EXPIRED_ACTIVE:
        return start().inviting(BOB, CAROL).startedBy(ALICE, ids);
      case FINALIZED:
        {
          Negotiation n = start().inviting(BOB, CAROL).startedBy(ALICE, ids);
          n = n.reply(BOB, accept(n), later, ids).negotiation();
          n = n.reply(CAROL, accept(n), later, ids).negotiation();
          assertThat(n.state()).isEqualTo(NegotiationState.FINALIZED);
          return n;
        }
      case OWNER_CANCELLED:
        return start()
            .inviting(BOB, CAROL)
            .startedBy(ALICE, ids)
            .cancel(ALICE, null, later)
            .negotiation();
      case ALL_DECLINED:
        {
          Negotiation n = start().inviting(BOB, CAROL).startedBy(ALICE, ids);
          n = n.reply(BOB, decline(n), later, ids).negotiation();
          n = n.reply(CAROL, decline(n), later, ids).negotiation();
          assertThat(n.cancelReason()).contains(CancelReason.ALL_DECLINED);
          return n;
        }
      case SWEPT_ACTIVE:
      case SWEPT_DRAFT:
        {
          Negotiation open = given(given == Given.SWEPT_ACTIVE ? Given.ACTIVE : Given.DRAFT, ids);
          Negotiation swept = open.expire(open.expiresAt().plusSeconds(1)).negotiation();
          assertThat(swept.cancelReason()).contains(CancelReason.EXPIRED);
          return swept;
        }
      default:
        throw new AssertionError(given);
    }
  }

  private static String attempt(
      Negotiation n, Trigger trigger, Role role, Instant at, SequentialIds ids) {
    UserId actor = role == Role.OWNER ? ALICE : role == Role.INVITEE ? BOB : MALLORY;
    try {
      Transition t;
      switch (trigger) {
        case SEND:
          t = n.send(actor, null, at);
          break;
        case CANCEL:
          t = n.cancel(actor, null, at);
          break;
        case ACCEPT:
          t = n.reply(actor, accept(n), at, ids);
          break;
        case DECLINE:
          t = n.reply(actor, decline(n), at, ids);
          break;
        case COUNTER:
          t = n.reply(actor, counter(n, at), at, ids);
          break;
        case EXPIRE:
          t = n.expire(at);
          break;
        default:
          throw new AssertionError(trigger);
      }
      Negotiation after = t.negotiation();
      assertThat(after.version()).isEqualTo(n.version() + 1);
      assertThat(t.activity().fromState()).isEqualTo(n.state());
      assertThat(t.activity().toState()).isEqualTo(after.state());
      return "-> "
          + Names.lowerCase(after.state())
          + after.cancelReason().map(r -> "/" + Names.lowerCase(r)).orElse("");
    } catch (InvalidStateTransition e) {
      return invalid(Names.lowerCase(e.currentState()), Names.lowerCase(e.requestedAction()));
    } catch (NegotiationExpired e) {
      assertThat(e.expiredAt()).isEqualTo(n.expiresAt());
      assertThat(e.currentState()).isEqualTo(NegotiationState.CANCELLED);
      return EXPIRED_REFUSAL;
    } catch (OrganizerCannotDecline e) {
      return ORGANIZER_DECLINE;
    } catch (NotFound e) {
      return NOT_FOUND;
    } catch (AccessDenied e) {
      return FORBIDDEN;
    }
  }

  static ReplyCommand accept(Negotiation n) {
    return new ReplyCommand(n.id(), new Reply.Accept(null, null), null, null, null, null);
  }

  static ReplyCommand decline(Negotiation n) {
    return new ReplyCommand(n.id(), new Reply.Decline(), null, null, null, null);
  }

  static ReplyCommand counter(Negotiation n, Instant at) {
    SlotProposal slot = new SlotProposal(null, at.plus(Duration.ofDays(2)), null, null, null);
    return new ReplyCommand(
        n.id(),
        new Reply.Counter(List.of(slot), null, null, null, blob("counter")),
        null,
        null,
        null,
        null);
  }
}
