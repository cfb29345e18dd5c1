package com.kairos.application.cursor;

/** A cursor that is forged, foreign, stale or garbled (HTTP 400, reason {@code invalid_cursor}). */
public final class InvalidCursor extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidCursor(String message) {
    super(message, null, false, false);
  }
}
