package com.kairos.domain.event;

import com.kairos.domain.common.BlobVersion;
import com.kairos.domain.common.EncryptedBlob;
import com.kairos.domain.common.EventId;
import com.kairos.domain.common.IntentCategory;
import com.kairos.domain.common.TimeRange;
import com.kairos.domain.common.TimeZoneId;
import com.kairos.domain.common.Uuids;
import java.time.Instant;
import java.util.Objects;

/**
 * A manual event as the client describes it. {@code endsAt} and {@code intentCategory} may be null;
 * {@code timezone} defaults to UTC and {@code blobVersion} to 1.
 */
public record CreateEventCommand(
    EventId id,
    Instant startsAt,
    Instant endsAt,
    TimeZoneId timezone,
    IntentCategory intentCategory,
    EncryptedBlob encryptedPayload,
    BlobVersion blobVersion) {

  public CreateEventCommand {
    Objects.requireNonNull(id, "id");
    Uuids.requireV4(id.value(), "id");
    Objects.requireNonNull(startsAt, "startsAt");
    Objects.requireNonNull(encryptedPayload, "encryptedPayload");
    timezone = timezone == null ? TimeZoneId.UTC : timezone;
    blobVersion = blobVersion == null ? BlobVersion.DEFAULT : blobVersion;
    TimeRange.requireEndAfterStart(startsAt, endsAt);
  }
}
