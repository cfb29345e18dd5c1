package com.kairos.domain.negotiation;

import com.kairos.domain.common.BlobVersion;
import com.kairos.domain.common.EncryptedBlob;
import java.util.Objects;

/**
 * A negotiation's opaque blobs: the organizer's payload, the latest counter's payload (null before
 * any counter) and the client's encryption scheme version. Stored and returned, never read.
 */
public record Payloads(EncryptedBlob encrypted, EncryptedBlob counter, BlobVersion blobVersion) {
  public Payloads {
    Objects.requireNonNull(encrypted, "encrypted");
    Objects.requireNonNull(blobVersion, "blobVersion");
  }

  Payloads withCounter(EncryptedBlob newCounter) {
    return new Payloads(encrypted, newCounter, blobVersion);
  }
}
