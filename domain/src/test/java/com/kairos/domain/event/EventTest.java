package com.kairos.domain.event;

import static com.kairos.domain.testing.Fixtures.ALICE;
import static com.kairos.domain.testing.Fixtures.NOW;
import static com.kairos.domain.testing.Fixtures.blob;
import static com.kairos.domain.testing.Fixtures.inHours;
import static com.kairos.domain.testing.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.kairos.domain.common.EventId;
import com.kairos.domain.common.TimeZoneId;
import com.kairos.domain.common.ValidationFailure.Reason;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventTest {
  @Test
  void aManualEventIsConfirmedWithDefaults() {
    EventId id = new EventId(UUID.randomUUID());
    Event e =
        Event.manual(
            new CreateEventCommand(id, inHours(5), null, null, null, blob("e"), null), ALICE, NOW);
    assertThat(e.source()).isEqualTo(EventSource.MANUAL);
    assertThat(e.status()).isEqualTo(EventStatus.CONFIRMED);
    assertThat(e.timezone()).isEqualTo(TimeZoneId.UTC);
    assertThat(e.blobVersion().value()).isEqualTo(1);
    assertThat(e.negotiationId()).isNull();
    assertThat(e.createdAt()).isEqualTo(NOW);
  }

  @Test
  void aManualEventEndsAfterItStarts() {
    assertRefused(
        () ->
            new CreateEventCommand(
                new EventId(UUID.randomUUID()),
                inHours(5),
                inHours(5),
                null,
                null,
                blob("e"),
                null),
        "endsAt",
        Reason.ENDS_BEFORE_START);
  }

  @Test
  void cancellingStampsTheTimeOnceAndIsIdempotent() {
    Event e =
        Event.manual(
            new CreateEventCommand(
                new EventId(UUID.randomUUID()), inHours(5), null, null, null, blob("e"), null),
            ALICE,
            NOW);
    Event cancelled = e.cancel(inHours(1));
    assertThat(cancelled.status()).isEqualTo(EventStatus.CANCELLED);
    assertThat(cancelled.updatedAt()).isEqualTo(inHours(1));
    assertThat(cancelled.cancel(inHours(2))).isSameAs(cancelled);
  }
}
