package com.kairos.application.cursor;

/**
 * A cursor that is forged, foreign, stale or garbled (a client's mistake, not a domain refusal).
 */
public final class InvalidCursor extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidCursor(String message) {
    super(message, null, false, false);
  }
}
