package com.kairos.domain.common;

/**
 * Root of every refusal the domain can express. Messages carry metadata only: never a blob, a token
 * or any user content.
 */
public abstract class DomainException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected DomainException(String message) {
    super(message, null, false, false);
  }
}
