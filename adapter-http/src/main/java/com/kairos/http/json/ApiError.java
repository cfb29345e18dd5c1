package com.kairos.http.json;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An error response in the canonical envelope: status, {@code error.code}, a human message and
 * {@code details}, plus any headers it requires. Messages and details never carry request values.
 */
public final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String code;
  private final transient Map<String, Object> details;
  private final transient Map<String, String> headers;

  public ApiError(
      int status,
      String code,
      String message,
      Map<String, Object> details,
      Map<String, String> headers) {
    super(Objects.requireNonNull(message), null, false, false);
    this.status = status;
    this.code = Objects.requireNonNull(code);
    this.details = details == null ? Map.of() : new LinkedHashMap<>(details);
    this.headers = headers == null ? Map.of() : Map.copyOf(headers);
  }

  public static ApiError validation(String field, String reason, String message) {
    return new ApiError(
        400, "validation_error", message, Map.of("field", field, "reason", reason), null);
  }

  /**
   * This error with its {@code details.field} placed under {@code prefix} (a body read item by item
   * names the whole path, as the schema validator does); the same error when it names no field.
   */
  public ApiError under(String prefix) {
    if (!(details.get("field") instanceof String field) || field.startsWith(prefix)) {
      return this;
    }
    String path = prefix + "." + field;
    Map<String, Object> moved = new LinkedHashMap<>(details);
    moved.put("field", path);
    return new ApiError(status, code, getMessage().replace(field, path), moved, headers);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public Map<String, Object> details() {
    return details;
  }

  public Map<String, String> headers() {
    return headers;
  }
}
