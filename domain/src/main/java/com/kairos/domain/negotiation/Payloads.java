package com.kairos.domain.negotiation;

import com.kairos.domain.common.BlobVersion;
import com.kairos.domain.common.EncryptedBlob;
import java.util.Objects;

/**
 * A negotiation's opaque blobs: the organizer's payload (null once the organizer deleted their
 * account), the latest counter's payload (null before any counter, or once its author deleted their
 * account) and the client's encryption scheme version. Stored and returned, never read.
 */
public record Payloads(EncryptedBlob encrypted, EncryptedBlob counter, BlobVersion blobVersion) {
  public Payloads {
    Objects.requireNonNull(blobVersion, "blobVersion");
  }

  Payloads withCounter(EncryptedBlob newCounter) {
    return new Payloads(encrypted, newCounter, blobVersion);
  }

  /** Without the organizer's blob and/or the latest counter's, as their author's deletion needs. */
  Payloads without(boolean organizers, boolean counters) {
    return new Payloads(organizers ? null : encrypted, counters ? null : counter, blobVersion);
  }
}
