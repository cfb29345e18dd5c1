package com.kairos.domain.common;

import com.kairos.domain.common.ValidationFailure.Reason;
import java.util.Objects;

/**
 * The identity provider's user id, taken from a verified token: 1–128 characters, no whitespace or
 * control characters. Never a UUID, never read from a request body.
 */
public record UserId(String value) implements Comparable<UserId> {
  public static final int MAX_LENGTH = 128;

  public UserId {
    Objects.requireNonNull(value, "user id");
    if (!isValid(value)) {
      throw new ValidationFailure(
          "userId", Reason.INVALID_USER_ID, "must be 1-128 characters without whitespace");
    }
  }

  public static boolean isValid(String value) {
    if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int compareTo(UserId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
