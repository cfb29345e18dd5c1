package com.kairos.application.negotiation;

import static com.kairos.domain.testing.Fixtures.ALICE;
import static com.kairos.domain.testing.Fixtures.BOB;
import static com.kairos.domain.testing.Fixtures.CAROL;
import static com.kairos.domain.testing.Fixtures.NOW;
import static com.kairos.domain.testing.Fixtures.blob;
import static com.kairos.domain.testing.Fixtures.inHours;
import static com.kairos.domain.testing.StartRequest.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kairos.application.port.DependencyUnavailable;
import com.kairos.application.testing.UseCaseTest;
import com.kairos.domain.common.DuplicateId;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.ResourceType;
import com.kairos.domain.common.UserId;
import com.kairos.domain.common.ValidationFailure;
import com.kairos.domain.negotiation.NegotiationAction;
import com.kairos.domain.negotiation.NegotiationState;
import com.kairos.domain.negotiation.StartCommand;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StartNegotiationTest extends UseCaseTest {
  private final NegotiationId id = new NegotiationId(UUID.randomUUID());

  @Test
  void startingStoresTheNegotiationAndItsFirstHistoryLine() {
    StartNegotiation.Result result = uc.startNegotiation().start(ALICE, start().id(id).build());
    assertThat(result.replayed()).isFalse();
    assertThat(result.negotiation().state()).isEqualTo(NegotiationState.ACTIVE);
    assertThat(stored(id)).isEqualTo(result.negotiation());
    var history = backend.transactions.inTransaction(() -> backend.negotiations.history(id));
    assertThat(history)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.action()).isEqualTo(NegotiationAction.START);
              assertThat(a.actorId()).isEqualTo(ALICE);
              assertThat(a.toState()).isEqualTo(NegotiationState.ACTIVE);
              assertThat(a.version()).isEqualTo(1);
              assertThat(a.at()).isEqualTo(NOW);
            });
  }

  @Test
  void anInviteeNoUserHasIsRefusedByPositionAndNothingIsStored() {
    UserId email = new UserId("dave@example.com");
    backend.users.onlyKnows(ALICE, BOB, CAROL);

    assertThatThrownBy(
            () -> uc.startNegotiation().start(ALICE, start().id(id).inviting(BOB, email).build()))
        .isInstanceOfSatisfying(
            ValidationFailure.class,
            f -> {
              assertThat(f.field()).isEqualTo("participantIds[1]");
              assertThat(f.reason()).isEqualTo(ValidationFailure.Reason.UNKNOWN_PARTICIPANT);
            });
    assertThat(backend.transactions.inTransaction(() -> backend.negotiations.findById(id)))
        .isEmpty();
  }

  @Test
  void onlyTheInviteesAreLookedUpInOneQuestion() {
    backend.users.onlyKnows(BOB, CAROL); // the owner is the caller: her token proved she exists

    uc.startNegotiation().start(ALICE, start().id(id).inviting(ALICE, BOB, CAROL).build());

    assertThat(backend.users.asked()).containsExactly(List.of(BOB, CAROL));
  }

  @Test
  void anUnreachableDirectoryIsADependencyFailureAndNothingIsStored() {
    backend.users.becomeUnreachable();

    assertThatThrownBy(() -> uc.startNegotiation().start(ALICE, start().id(id).build()))
        .isInstanceOf(DependencyUnavailable.class);
    assertThat(backend.transactions.inTransaction(() -> backend.negotiations.findById(id)))
        .isEmpty();
  }

  @Test
  void theSameOwnerResendingTheSameRequestGetsTheStoredNegotiation() {
    StartCommand command = start().id(id).inviting(BOB, CAROL).build();
    uc.startNegotiation().start(ALICE, command);
    accept(BOB, id);
    backend.clock.advance(java.time.Duration.ofMinutes(5));

    StartNegotiation.Result retry =
        uc.startNegotiation().start(ALICE, start().id(id).inviting(BOB, CAROL).build());

    assertThat(retry.replayed()).isTrue();
    assertThat(retry.negotiation().version()).isEqualTo(2);
    assertThat(retry.negotiation()).isEqualTo(stored(id));
  }

  @Test
  void aDifferentRequestWithATakenIdIsADuplicate() {
    uc.startNegotiation().start(ALICE, start().id(id).build());
    assertThatThrownBy(
            () -> uc.startNegotiation().start(ALICE, start().id(id).payload(blob("v2")).build()))
        .isInstanceOfSatisfying(
            DuplicateId.class,
            e -> {
              assertThat(e.resourceType()).isEqualTo(ResourceType.NEGOTIATION);
              assertThat(e.resourceId()).isEqualTo(id.toString());
            });
  }

  @Test
  void anotherUserSendingTheSameRequestIsADuplicate() {
    uc.startNegotiation().start(ALICE, start().id(id).inviting(BOB).build());
    assertThatThrownBy(
            () -> uc.startNegotiation().start(CAROL, start().id(id).inviting(BOB).build()))
        .isInstanceOf(DuplicateId.class);
  }

  @Test
  void aRefusedStartStoresNothing() {
    assertThatThrownBy(() -> uc.startNegotiation().start(ALICE, start().id(id).slotAt(NOW).build()))
        .isInstanceOf(ValidationFailure.class);
    assertThat(backend.transactions.inTransaction(() -> backend.negotiations.findById(id)))
        .isEmpty();
    // The id stays free for a corrected request.
    assertThat(begin(ALICE, start().id(id).slotAt(inHours(3))).id()).isEqualTo(id);
  }
}
