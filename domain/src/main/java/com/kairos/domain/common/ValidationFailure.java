package com.kairos.domain.common;

import java.util.Objects;

/**
 * A well-formed request that breaks a domain rule. {@code field} is a path in the domain's own
 * names, such as {@code proposedSlots[0].startsAt}; {@code reason} says which rule. The adapters
 * spell both in their own vocabulary.
 */
public final class ValidationFailure extends DomainException {
  private static final long serialVersionUID = 1L;
  private final String field;
  private final Reason reason;

  /** Which rule a value breaks. */
  public enum Reason {
    CONFLICTING_FIELDS,
    COUNTER_OPTIONS_NOT_ALLOWED,
    COUNTER_PAYLOAD_NOT_ALLOWED,
    COUNTER_PAYLOAD_REQUIRED,
    DUPLICATE_OPTION,
    DUPLICATE_PARTICIPANT,
    EMPTY_PAYLOAD,
    EMPTY_SELECTION,
    ENDS_BEFORE_START,
    EXPIRES_IN_PAST,
    EXPIRES_TOO_FAR,
    INCOMPLETE_COORDINATES,
    INVALID_BASE64,
    INVALID_ENUM,
    INVALID_LENGTH,
    INVALID_LOCALE,
    INVALID_TIMEZONE,
    INVALID_TYPE,
    INVALID_USER_ID,
    INVALID_UUID,
    MISSING_COUNTER_OPTIONS,
    MISSING_FIELD,
    MISSING_OPTIONS,
    NO_INVITEES,
    OUT_OF_RANGE,
    PAYLOAD_TOO_LARGE,
    SELECTION_NOT_ALLOWED,
    SLOT_CLOSED,
    SLOT_TOO_LONG,
    STARTS_IN_PAST,
    TOO_MANY_OPTIONS,
    TOO_MANY_PARTICIPANTS,
    UNKNOWN_OPTION,
    UNKNOWN_PARTICIPANT
  }

  public ValidationFailure(String field, Reason reason, String message) {
    super(Objects.requireNonNull(message));
    this.field = Objects.requireNonNull(field);
    this.reason = Objects.requireNonNull(reason);
  }

  public String field() {
    return field;
  }

  public Reason reason() {
    return reason;
  }

  /** The same failure with its field placed under {@code prefix}, e.g. {@code proposedSlots[2]}. */
  public ValidationFailure under(String prefix) {
    String path = field.isEmpty() ? prefix : prefix + "." + field;
    return new ValidationFailure(path, reason, getMessage());
  }

  /** The same failure reported against another field name. */
  public ValidationFailure as(String newField) {
    return new ValidationFailure(newField, reason, getMessage());
  }
}
