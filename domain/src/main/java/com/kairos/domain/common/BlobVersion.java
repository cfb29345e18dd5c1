package com.kairos.domain.common;

import com.kairos.domain.common.ValidationFailure.Reason;

/** The client's encryption scheme version for its blobs (at least 1). */
public record BlobVersion(int value) {
  public static final BlobVersion DEFAULT = new BlobVersion(1);

  public BlobVersion {
    if (value < 1) {
      throw new ValidationFailure(
          "encryptedBlobVersion", Reason.OUT_OF_RANGE, "must be at least 1");
    }
  }
}
