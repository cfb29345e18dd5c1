package com.kairos.application.negotiation;

import static com.kairos.domain.testing.Fixtures.ALICE;
import static com.kairos.domain.testing.Fixtures.BOB;
import static com.kairos.domain.testing.Fixtures.CAROL;
import static com.kairos.domain.testing.Fixtures.MALLORY;
import static com.kairos.domain.testing.Fixtures.inHours;
import static com.kairos.domain.testing.StartRequest.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kairos.application.cursor.InvalidCursor;
import com.kairos.application.paging.Page;
import com.kairos.application.paging.PageRequest;
import com.kairos.application.testing.UseCaseTest;
import com.kairos.domain.common.AccessDenied;
import com.kairos.domain.common.EncryptedBlob;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.NotFound;
import com.kairos.domain.common.UserId;
import com.kairos.domain.common.ValidationFailure;
import com.kairos.domain.negotiation.Activity;
import com.kairos.domain.negotiation.Negotiation;
import com.kairos.domain.negotiation.NegotiationAction;
import com.kairos.domain.negotiation.NegotiationState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GET /negotiations/:id/activity in the core: visibility, after_version, paging, no blob. */
class GetActivityTest extends UseCaseTest {

  private Page<Activity> page(UserId who, NegotiationId id, long after, int limit, String cursor) {
    return uc.getActivity().list(who, id, after, new PageRequest(limit, cursor));
  }

  /** Seven lines: a start, then Bob and Carol changing their minds. */
  private Negotiation busy() {
    Negotiation n = begin(ALICE, start().inviting(BOB, CAROL, MALLORY));
    for (int i = 0; i < 3; i++) {
      backend.clock.advance(Duration.ofMinutes(1));
      accept(BOB, n.id());
      backend.clock.advance(Duration.ofMinutes(1));
      decline(BOB, n.id());
    }
    return stored(n.id());
  }

  private List<Activity> all(UserId who, NegotiationId id, long after, int limit) {
    List<Activity> lines = new ArrayList<>();
    String cursor = null;
    do {
      Page<Activity> p = page(who, id, after, limit, cursor);
      assertThat(p.items().size()).isLessThanOrEqualTo(limit);
      lines.addAll(p.items());
      cursor = p.nextCursor();
    } while (cursor != null);
    return lines;
  }

  @Test
  void everyParticipantReadsTheWholeHistoryOldestFirst() {
    Negotiation n = busy();
    List<Activity> history =
        backend.transactions.inTransaction(() -> backend.negotiations.history(n.id()));

    Page<Activity> one = page(CAROL, n.id(), 0, 50, null);

    assertThat(one.items()).isEqualTo(history).hasSize(7);
    assertThat(one.items()).extracting(Activity::version).isSorted();
    assertThat(one.nextCursor()).isNull();
    assertThat(one.items().get(0).action()).isEqualTo(NegotiationAction.START);
    assertThat(one.items().get(0).addedSlotIds()).containsExactly(n.slots().get(0).id());
  }

  @Test
  void pagesNeverRepeatOrSkipALine() {
    Negotiation n = busy();

    for (int limit = 1; limit <= 8; limit++) {
      assertThat(all(BOB, n.id(), 0, limit))
          .extracting(Activity::version)
          .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    }
  }

  @Test
  void afterVersionReturnsOnlyLaterLinesAndPagesFromThere() {
    Negotiation n = busy();

    assertThat(page(BOB, n.id(), 5, 50, null).items())
        .extracting(Activity::version)
        .containsExactly(6L, 7L);
    assertThat(all(BOB, n.id(), 3, 2))
        .extracting(Activity::version)
        .containsExactly(4L, 5L, 6L, 7L);
    assertThat(page(BOB, n.id(), 7, 50, null).items()).isEmpty();
    assertThat(page(BOB, n.id(), 99, 50, null).items()).isEmpty();
  }

  @Test
  void linesWrittenWhilePagingAppearOnTheLaterPages() {
    Negotiation n = busy();
    Page<Activity> first = page(BOB, n.id(), 0, 4, null);
    accept(CAROL, n.id());

    Page<Activity> second = page(BOB, n.id(), 0, 4, first.nextCursor());

    assertThat(second.items()).extracting(Activity::version).containsExactly(5L, 6L, 7L, 8L);
  }

  @Test
  void theSameRefusalsAsReadingTheNegotiation() {
    Negotiation sent = begin(ALICE, start().inviting(BOB));
    Negotiation draft = begin(ALICE, start().inviting(BOB).draft());

    assertThatThrownBy(() -> page(MALLORY, sent.id(), 0, 50, null))
        .isInstanceOf(AccessDenied.class);
    assertThatThrownBy(() -> page(BOB, draft.id(), 0, 50, null)).isInstanceOf(NotFound.class);
    assertThatThrownBy(
            () -> page(ALICE, new NegotiationId(java.util.UUID.randomUUID()), 0, 50, null))
        .isInstanceOf(NotFound.class);
    assertThat(page(ALICE, draft.id(), 0, 50, null).items()).hasSize(1);
  }

  @Test
  void aNegativeAfterVersionOrAForeignCursorIsRefused() {
    Negotiation a = busy();
    Negotiation b = begin(ALICE, start().inviting(BOB));
    String cursor = page(BOB, a.id(), 0, 2, null).nextCursor();

    assertThatThrownBy(() -> page(BOB, a.id(), -1, 50, null))
        .isInstanceOf(ValidationFailure.class)
        .extracting(e -> ((ValidationFailure) e).field())
        .isEqualTo("afterVersion");
    assertThatThrownBy(() -> page(BOB, b.id(), 0, 2, cursor)).isInstanceOf(InvalidCursor.class);
    assertThatThrownBy(() -> page(CAROL, a.id(), 0, 2, cursor)).isInstanceOf(InvalidCursor.class);
    // The cursor holds its position: with or without the after_version it began from.
    assertThat(page(BOB, a.id(), 1, 2, cursor).items())
        .extracting(Activity::version)
        .isEqualTo(page(BOB, a.id(), 0, 2, cursor).items().stream().map(Activity::version).toList())
        .startsWith(3L);
  }

  @Test
  void anUnsweptExpiryReadsAsItsLineOnceAndTheSweepDoesNotRepeatIt() {
    Negotiation n = begin(ALICE, start().inviting(BOB).expiresAt(inHours(2)));
    backend.clock.set(inHours(3));

    List<Activity> read = page(BOB, n.id(), 0, 50, null).items();
    assertThat(read).extracting(Activity::version).containsExactly(1L, 2L);
    Activity expiry = read.get(1);
    assertThat(expiry.action()).isEqualTo(NegotiationAction.EXPIRE);
    assertThat(expiry.actorId()).isNull();
    assertThat(expiry.toState()).isEqualTo(NegotiationState.CANCELLED);
    assertThat(expiry.at()).isEqualTo(inHours(2));
    assertThat(uc.getNegotiation().get(BOB, n.id()).version()).isEqualTo(expiry.version());
    assertThat(page(BOB, n.id(), 1, 1, null).items()).containsExactly(expiry);
    assertThat(page(BOB, n.id(), 2, 50, null).items()).isEmpty();

    uc.expireDueNegotiations().sweep();

    assertThat(page(BOB, n.id(), 0, 50, null).items())
        .extracting(Activity::version)
        .containsExactly(1L, 2L);
  }

  @Test
  void aHistoryLineHasNoPlaceForABlob() {
    List<Class<?>> types =
        Arrays.stream(Activity.class.getRecordComponents())
            .<Class<?>>map(c -> c.getType())
            .toList();
    assertThat(types).hasSize(11).doesNotContain(EncryptedBlob.class, String.class, byte[].class);
  }
}
