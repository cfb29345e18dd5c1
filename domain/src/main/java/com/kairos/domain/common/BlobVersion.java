package com.kairos.domain.common;

/** The client's encryption scheme version for its blobs (at least 1). */
public record BlobVersion(int value) {
  public static final BlobVersion DEFAULT = new BlobVersion(1);

  public BlobVersion {
    if (value < 1) {
      throw new ValidationFailure("encrypted_blob_version", "out_of_range", "must be at least 1");
    }
  }
}
