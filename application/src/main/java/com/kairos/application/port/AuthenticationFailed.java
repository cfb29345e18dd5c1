package com.kairos.application.port;

import java.util.Locale;
import java.util.Objects;

/**
 * A bearer token was refused (the caller is not authenticated). The message never quotes the token.
 */
public final class AuthenticationFailed extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why, as the {@code reason} values of api.md. */
  public enum Reason {
    MISSING_TOKEN,
    MALFORMED_TOKEN,
    INVALID_TOKEN,
    EXPIRED_TOKEN,
    REVOKED_TOKEN;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Reason reason;

  public AuthenticationFailed(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = Objects.requireNonNull(reason);
  }

  public Reason reason() {
    return reason;
  }
}
