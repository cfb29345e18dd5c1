package com.kairos.domain.negotiation;

import static com.kairos.domain.testing.Fixtures.ALICE;
import static com.kairos.domain.testing.Fixtures.BOB;
import static com.kairos.domain.testing.Fixtures.NOW;
import static com.kairos.domain.testing.Fixtures.blob;
import static com.kairos.domain.testing.Fixtures.inHours;
import static com.kairos.domain.testing.StartRequest.start;
import static org.assertj.core.api.Assertions.assertThat;

import com.kairos.domain.common.SlotId;
import com.kairos.domain.common.VenueId;
import com.kairos.domain.testing.SequentialIds;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The options each history line records as introduced: a start's and a counter's, no other. */
class ActivityTest {
  private final SequentialIds ids = new SequentialIds(4);

  private static SlotId slot(int n) {
    return new SlotId(SequentialIds.nth(700, n));
  }

  private static VenueId venue(int n) {
    return new VenueId(SequentialIds.nth(701, n));
  }

  @Test
  void aStartRecordsEveryInitialOptionEarliestSlotFirst() {
    Transition t =
        Negotiation.start(
            start()
                .inviting(BOB)
                .slot(slot(1), inHours(30))
                .slot(slot(2), inHours(20))
                .venue(venue(1))
                .venue(venue(2))
                .build(),
            ALICE,
            NOW,
            ids);

    assertThat(t.activity().addedSlotIds()).containsExactly(slot(2), slot(1));
    assertThat(t.activity().addedVenueIds()).containsExactly(venue(1), venue(2));
    assertThat(t.activity().version()).isEqualTo(1);
    assertThat(t.activity().fromState()).isNull();
  }

  @Test
  void aCounterRecordsOnlyTheOptionsItIntroduced() {
    Negotiation n =
        start().inviting(BOB).slot(slot(1), inHours(30)).venue(venue(1)).startedBy(ALICE, ids);

    Transition t =
        n.reply(
            BOB,
            new ReplyCommand(
                n.id(),
                new Reply.Counter(
                    List.of(new SlotProposal(slot(3), inHours(40), null, null, null)),
                    List.of(new VenueProposal(venue(3), null, null, null, null)),
                    List.of(slot(1)),
                    null,
                    blob("counter")),
                null,
                null,
                null,
                null),
            inHours(1),
            ids);

    assertThat(t.activity().addedSlotIds()).containsExactly(slot(3));
    assertThat(t.activity().addedVenueIds()).containsExactly(venue(3));
  }

  @Test
  void repliesAndOwnerActionsIntroduceNothing() {
    Negotiation draft = start().inviting(BOB).draft().startedBy(ALICE, ids);
    Transition sent = draft.send(ALICE, null, inHours(1));
    Transition accepted =
        sent.negotiation()
            .reply(
                BOB,
                new ReplyCommand(draft.id(), new Reply.Accept(null, null), null, null, null, null),
                inHours(2),
                ids);

    for (Transition t : List.of(sent, accepted)) {
      assertThat(t.activity().addedSlotIds()).isEmpty();
      assertThat(t.activity().addedVenueIds()).isEmpty();
    }
  }
}
