package com.kairos.application.negotiation;

import static com.kairos.domain.testing.Fixtures.ALICE;
import static com.kairos.domain.testing.Fixtures.BOB;
import static com.kairos.domain.testing.Fixtures.CAROL;
import static com.kairos.domain.testing.Fixtures.MALLORY;
import static com.kairos.domain.testing.StartRequest.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kairos.application.port.EventQuery;
import com.kairos.application.testing.UseCaseTest;
import com.kairos.domain.common.AccessDenied;
import com.kairos.domain.common.NotFound;
import com.kairos.domain.event.Event;
import com.kairos.domain.event.EventStatus;
import com.kairos.domain.negotiation.CancelReason;
import com.kairos.domain.negotiation.InvalidStateTransition;
import com.kairos.domain.negotiation.Negotiation;
import com.kairos.domain.negotiation.NegotiationState;
import com.kairos.domain.negotiation.StaleVersion;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Send and cancel: the owner's operations, with their authorization and conflicts. */
class OwnerActionsTest extends UseCaseTest {

  @Test
  void sendingADraftMakesItVisibleToInvitees() {
    Negotiation draft = begin(ALICE, start().draft());
    assertThatThrownBy(() -> uc.getNegotiation().get(BOB, draft.id())).isInstanceOf(NotFound.class);

    Negotiation sent = uc.sendNegotiation().send(ALICE, draft.id(), 1L);

    assertThat(sent.state()).isEqualTo(NegotiationState.ACTIVE);
    assertThat(uc.getNegotiation().get(BOB, draft.id())).isEqualTo(sent);
  }

  @Test
  void onlyTheOwnerSendsOrCancels() {
    Negotiation draft = begin(ALICE, start().draft());
    assertThatThrownBy(() -> uc.sendNegotiation().send(BOB, draft.id(), null))
        .isInstanceOf(NotFound.class);
    Negotiation active = begin(ALICE, start());
    assertThatThrownBy(() -> uc.cancelNegotiation().cancel(BOB, active.id(), null))
        .isInstanceOf(AccessDenied.class);
    assertThatThrownBy(() -> uc.cancelNegotiation().cancel(MALLORY, active.id(), null))
        .isInstanceOf(AccessDenied.class);
    assertThat(stored(active.id()).state()).isEqualTo(NegotiationState.ACTIVE);
  }

  @Test
  void sendingTwiceIsAnInvalidTransition() {
    Negotiation draft = begin(ALICE, start().draft());
    uc.sendNegotiation().send(ALICE, draft.id(), null);
    assertThatThrownBy(() -> uc.sendNegotiation().send(ALICE, draft.id(), null))
        .isInstanceOf(InvalidStateTransition.class);
  }

  @Test
  void cancellingAFinalizedNegotiationCancelsItsEvents() {
    Negotiation n = begin(ALICE, start().inviting(BOB));
    accept(BOB, n.id());
    backend.clock.advance(Duration.ofMinutes(10));

    Negotiation cancelled = uc.cancelNegotiation().cancel(ALICE, n.id(), 2L);

    assertThat(cancelled.state()).isEqualTo(NegotiationState.CANCELLED);
    assertThat(cancelled.cancelReason()).contains(CancelReason.OWNER_CANCELLED);
    assertThat(eventsOf(ALICE))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.status()).isEqualTo(EventStatus.CANCELLED);
              assertThat(e.updatedAt()).isEqualTo(backend.clock.instant());
            });
    assertThat(eventsOf(BOB)).extracting(Event::status).containsExactly(EventStatus.CANCELLED);
  }

  @Test
  void cancelWithAStaleVersionChangesNothing() {
    Negotiation n = begin(ALICE, start().inviting(BOB, CAROL));
    accept(BOB, n.id());
    assertThatThrownBy(() -> uc.cancelNegotiation().cancel(ALICE, n.id(), 1L))
        .isInstanceOf(StaleVersion.class);
    assertThat(stored(n.id()).state()).isEqualTo(NegotiationState.ACTIVE);
  }

  @Test
  void readsReportAnExpiryBeforeTheSweepWritesIt() {
    Negotiation n = begin(ALICE, start().expiresAt(com.kairos.domain.testing.Fixtures.inHours(1)));
    backend.clock.advance(Duration.ofHours(1));
    Negotiation read = uc.getNegotiation().get(BOB, n.id());
    assertThat(read.state()).isEqualTo(NegotiationState.CANCELLED);
    assertThat(read.cancelReason()).contains(CancelReason.EXPIRED);
    assertThat(stored(n.id()).state()).isEqualTo(NegotiationState.ACTIVE);
  }

  @Test
  void strangersCannotReadAndUnknownIdsAreNotFound() {
    Negotiation n = begin(ALICE, start());
    assertThatThrownBy(() -> uc.getNegotiation().get(MALLORY, n.id()))
        .isInstanceOf(AccessDenied.class);
    assertThat(uc.getNegotiation().get(ALICE, n.id())).isEqualTo(n);
    assertThat(uc.getNegotiation().get(BOB, n.id())).isEqualTo(n);
  }

  private List<Event> eventsOf(com.kairos.domain.common.UserId owner) {
    return backend.transactions.inTransaction(
        () -> backend.events.listFor(owner, new EventQuery(null, null, null), 100));
  }
}
