package com.kairos.domain.common;

/**
 * A repository found the stored row changed under it (a lost race). Transactions retry the whole
 * unit of work when they see it; it only reaches a client when retries are exhausted.
 */
public final class ConcurrentModification extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConcurrentModification(String message) {
    super(message, null, false, false);
  }
}
