package com.kairos.domain.common;

import com.kairos.domain.common.ValidationFailure.Reason;
import java.util.Base64;
import java.util.Objects;

/**
 * An opaque client-encrypted payload: base64 (standard or URL-safe alphabet, padding optional)
 * decoding to 1–16,384 bytes. The server keeps the exact text it received and never looks inside.
 * {@link #toString()} is redacted so that a blob cannot reach a log line by accident.
 */
public final class EncryptedBlob {
  public static final int MAX_DECODED_BYTES = 16_384;
  // Longest text that can decode to MAX_DECODED_BYTES: 4 chars per 3 bytes, padded.
  private static final int MAX_ENCODED_CHARS = (MAX_DECODED_BYTES + 2) / 3 * 4;

  private final String value;
  private final int decodedLength;

  private EncryptedBlob(String value, int decodedLength) {
    this.value = value;
    this.decodedLength = decodedLength;
  }

  /** Validates {@code raw}; failures name {@code field} and never quote the value. */
  public static EncryptedBlob of(String raw, String field) {
    Objects.requireNonNull(raw, field);
    if (raw.length() > MAX_ENCODED_CHARS) {
      throw tooLarge(field);
    }
    byte[] decoded;
    try {
      boolean urlSafe = raw.indexOf('-') >= 0 || raw.indexOf('_') >= 0;
      decoded = (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(raw);
    } catch (IllegalArgumentException e) {
      throw new ValidationFailure(field, Reason.INVALID_BASE64, "must be base64 encoded");
    }
    if (decoded.length == 0) {
      throw new ValidationFailure(field, Reason.EMPTY_PAYLOAD, "must decode to at least one byte");
    }
    if (decoded.length > MAX_DECODED_BYTES) {
      throw tooLarge(field);
    }
    return new EncryptedBlob(raw, decoded.length);
  }

  private static ValidationFailure tooLarge(String field) {
    return new ValidationFailure(
        field, Reason.PAYLOAD_TOO_LARGE, "must decode to at most " + MAX_DECODED_BYTES + " bytes");
  }

  /** The exact text the client sent. Hand it only to storage and to response bodies. */
  public String value() {
    return value;
  }

  public int decodedLength() {
    return decodedLength;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EncryptedBlob && ((EncryptedBlob) o).value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "EncryptedBlob[redacted, " + decodedLength + " bytes]";
  }
}
