package com.kairos.domain.device;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An FCM registration token: 1–4096 characters of {@code [A-Za-z0-9:_.-]}. It addresses a phone, so
 * it is treated as a secret: {@link #toString()} and every log line show its last 6 characters.
 */
public final class PushToken {
  public static final int MAX_LENGTH = 4096;
  public static final int SUFFIX_LENGTH = 6;
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9:_.\\-]{1," + MAX_LENGTH + "}");

  private final String value;

  public PushToken(String value) {
    Objects.requireNonNull(value, "push token");
    if (!SHAPE.matcher(value).matches()) {
      throw new IllegalArgumentException("a push token is 1-4096 of [A-Za-z0-9:_.-]");
    }
    this.value = value;
  }

  /** The whole token, for the push provider only. */
  public String value() {
    return value;
  }

  /** The last 6 characters (fewer if the token is shorter): all a log, a metric or an API shows. */
  public String suffix() {
    return value.substring(Math.max(0, value.length() - SUFFIX_LENGTH));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PushToken other && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "…" + suffix();
  }
}
