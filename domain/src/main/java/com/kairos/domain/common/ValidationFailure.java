package com.kairos.domain.common;

import java.util.Objects;

/**
 * A well-formed request that breaks a domain rule (HTTP 422). {@code field} is a JSON-pointer-like
 * path such as {@code proposed_slots[0].starts_at}; {@code reason} is a stable snake_case code.
 */
public final class ValidationFailure extends DomainException {
  private static final long serialVersionUID = 1L;
  private final String field;
  private final String reason;

  public ValidationFailure(String field, String reason, String message) {
    super(Objects.requireNonNull(message));
    this.field = Objects.requireNonNull(field);
    this.reason = Objects.requireNonNull(reason);
  }

  public String field() {
    return field;
  }

  public String reason() {
    return reason;
  }

  /**
   * The same failure with its field placed under {@code prefix}, e.g. {@code proposed_slots[2]}.
   */
  public ValidationFailure under(String prefix) {
    String path = field.isEmpty() ? prefix : prefix + "." + field;
    return new ValidationFailure(path, reason, getMessage());
  }

  /** The same failure reported against another field name. */
  public ValidationFailure as(String newField) {
    return new ValidationFailure(newField, reason, getMessage());
  }
}
