package com.kairos.application.negotiation;

import static com.kairos.domain.testing.Fixtures.ALICE;
import static com.kairos.domain.testing.Fixtures.BOB;
import static com.kairos.domain.testing.Fixtures.CAROL;
import static com.kairos.domain.testing.Fixtures.inHours;
import static com.kairos.domain.testing.StartRequest.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kairos.application.cursor.InvalidCursor;
import com.kairos.application.paging.Page;
import com.kairos.application.paging.PageRequest;
import com.kairos.application.testing.UseCaseTest;
import com.kairos.domain.common.Names;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.negotiation.Negotiation;
import com.kairos.domain.negotiation.NegotiationState;
import com.kairos.domain.negotiation.NegotiationSummary;
import com.kairos.domain.negotiation.ParticipantRole;
import com.kairos.domain.negotiation.ParticipantStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ListNegotiationsTest extends UseCaseTest {

  private Page<NegotiationSummary> list(
      com.kairos.domain.common.UserId who, NegotiationFilter filter, int limit, String cursor) {
    return uc.listNegotiations().list(who, filter, new PageRequest(limit, cursor));
  }

  private Negotiation startAndTick(com.kairos.domain.negotiation.StartCommand command) {
    Negotiation n = begin(ALICE, command);
    backend.clock.advance(Duration.ofSeconds(1));
    return n;
  }

  @Test
  void newestChangeFirstWithSummariesAsTheCallerSeesThem() {
    Negotiation older = startAndTick(start().inviting(BOB).build());
    Negotiation newer = startAndTick(start().inviting(BOB, CAROL).build());
    Page<NegotiationSummary> page = list(BOB, NegotiationFilter.none(), 20, null);
    assertThat(page.items())
        .extracting(NegotiationSummary::id)
        .containsExactly(newer.id(), older.id());
    NegotiationSummary first = page.items().get(0);
    assertThat(first.myStatus()).isEqualTo(ParticipantStatus.PENDING);
    assertThat(first.participantCount()).isEqualTo(3);
    assertThat(first.acceptedCount()).isEqualTo(1);
    assertThat(first.isGroup()).isTrue();
    assertThat(page.hasMore()).isFalse();
    assertThat(page.nextCursor()).isNull();
  }

  @Test
  void draftsAreListedForTheirOwnerOnly() {
    Negotiation draft = startAndTick(start().inviting(BOB).draft().build());
    assertThat(list(ALICE, NegotiationFilter.none(), 20, null).items())
        .extracting(NegotiationSummary::id)
        .containsExactly(draft.id());
    assertThat(list(BOB, NegotiationFilter.none(), 20, null).items()).isEmpty();
  }

  @Test
  void filtersByStateRoleAwaitingMeAndUpdatedAfter() {
    Negotiation mine = startAndTick(start().inviting(BOB).build());
    Negotiation bobs =
        uc.startNegotiation().start(BOB, start().inviting(ALICE, CAROL).build()).negotiation();
    backend.clock.advance(Duration.ofSeconds(1));
    Negotiation finalized = startAndTick(start().inviting(BOB).build());
    accept(BOB, finalized.id());

    assertThat(
            ids(
                ALICE,
                new NegotiationFilter(Set.of(NegotiationState.FINALIZED), null, false, null)))
        .containsExactly(finalized.id());
    assertThat(ids(ALICE, new NegotiationFilter(Set.of(), ParticipantRole.INVITEE, false, null)))
        .containsExactly(bobs.id());
    assertThat(ids(ALICE, new NegotiationFilter(Set.of(), null, true, null)))
        .containsExactly(bobs.id());
    assertThat(ids(BOB, new NegotiationFilter(Set.of(), null, true, null)))
        .containsExactly(mine.id());
    assertThat(ids(ALICE, new NegotiationFilter(Set.of(), null, false, bobs.updatedAt())))
        .containsExactly(finalized.id());
  }

  @Test
  void anUnsweptExpiryCountsAsCancelled() {
    Negotiation n = startAndTick(start().expiresAt(inHours(1)).build());
    backend.clock.set(inHours(2));
    List<NegotiationSummary> cancelled =
        list(
                ALICE,
                new NegotiationFilter(Set.of(NegotiationState.CANCELLED), null, false, null),
                20,
                null)
            .items();
    assertThat(cancelled).extracting(NegotiationSummary::id).containsExactly(n.id());
    assertThat(Names.lowerCase(cancelled.get(0).cancelReason())).isEqualTo("expired");
    assertThat(
            ids(ALICE, new NegotiationFilter(Set.of(NegotiationState.ACTIVE), null, false, null)))
        .isEmpty();
  }

  @Test
  void pagingNeverRepeatsAnItemAndReturnsEveryUnchangedOneWhileItemsChange() {
    List<Negotiation> all = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      all.add(startAndTick(start().inviting(BOB, CAROL).build()));
    }
    Set<NegotiationId> seen = new HashSet<>();
    Set<NegotiationId> changed = new HashSet<>();
    String cursor = null;
    int pages = 0;
    do {
      Page<NegotiationSummary> page = list(ALICE, NegotiationFilter.none(), 4, cursor);
      for (NegotiationSummary s : page.items()) {
        assertThat(seen.add(s.id())).as("returned twice: %s", s.id()).isTrue();
      }
      // Between pages, someone replies to an item already seen and to one not yet seen.
      Negotiation seenOne = all.get(24 - pages);
      Negotiation unseenOne = all.get(pages);
      accept(BOB, seenOne.id());
      accept(CAROL, unseenOne.id());
      changed.add(seenOne.id());
      changed.add(unseenOne.id());
      backend.clock.advance(Duration.ofSeconds(1));
      cursor = page.nextCursor();
      pages++;
    } while (cursor != null);

    for (Negotiation n : all) {
      if (!changed.contains(n.id())) {
        assertThat(seen).contains(n.id());
      }
    }
  }

  @Test
  void aCursorIsBoundToItsCallerAndFilters() {
    for (int i = 0; i < 3; i++) {
      startAndTick(start().inviting(BOB).build());
    }
    String cursor = list(ALICE, NegotiationFilter.none(), 1, null).nextCursor();
    assertThat(cursor).isNotNull();
    assertThat(list(ALICE, NegotiationFilter.none(), 1, cursor).items()).hasSize(1);
    assertThatThrownBy(() -> list(BOB, NegotiationFilter.none(), 1, cursor))
        .isInstanceOf(InvalidCursor.class);
    NegotiationFilter other =
        new NegotiationFilter(Set.of(NegotiationState.ACTIVE), null, false, null);
    assertThatThrownBy(() -> list(ALICE, other, 1, cursor)).isInstanceOf(InvalidCursor.class);
  }

  @Test
  void aCursorExpiresAfterADay() {
    for (int i = 0; i < 2; i++) {
      startAndTick(start().inviting(BOB).build());
    }
    String cursor = list(ALICE, NegotiationFilter.none(), 1, null).nextCursor();
    backend.clock.advance(Duration.ofHours(24).plusSeconds(2));
    assertThatThrownBy(() -> list(ALICE, NegotiationFilter.none(), 1, cursor))
        .isInstanceOf(InvalidCursor.class);
  }

  private List<NegotiationId> ids(com.kairos.domain.common.UserId who, NegotiationFilter filter) {
    return list(who, filter, 100, null).items().stream().map(NegotiationSummary::id).toList();
  }
}
