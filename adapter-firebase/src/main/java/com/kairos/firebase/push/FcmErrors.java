package com.kairos.firebase.push;

import com.google.api.client.json.GenericJson;
import com.google.api.client.json.JsonFactory;
import com.google.firebase.ErrorCode;
import com.google.firebase.IncomingHttpResponse;
import com.google.firebase.messaging.FirebaseMessagingException;
import com.google.firebase.messaging.MessagingErrorCode;
import com.kairos.application.port.PushResult;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Classifies an FCM failure as a {@link PushResult}. A {@code reason} is an FCM error code, {@code
 * http_<status>}, {@code timeout} or {@code connection}: never the error's message, which may quote
 * the token.
 */
final class FcmErrors {
  private static final Set<Integer> TRANSIENT_STATUSES = Set.of(429, 500, 502, 503, 504);
  private static final Set<MessagingErrorCode> TRANSIENT_CODES =
      EnumSet.of(
          MessagingErrorCode.UNAVAILABLE,
          MessagingErrorCode.INTERNAL,
          MessagingErrorCode.QUOTA_EXCEEDED);
  private static final String TOKEN_FIELD = "message.token";

  private FcmErrors() {}

  static PushResult classify(FirebaseMessagingException e, Instant now, JsonFactory json) {
    MessagingErrorCode code = e.getMessagingErrorCode();
    IncomingHttpResponse response = e.getHttpResponse();
    if (code == MessagingErrorCode.UNREGISTERED) {
      return PushResult.tokenRejected(code.name());
    }
    if ((code == MessagingErrorCode.INVALID_ARGUMENT
            || code == MessagingErrorCode.SENDER_ID_MISMATCH)
        && response != null
        && namesTheToken(response.getContent(), json)) {
      return PushResult.tokenRejected(code.name());
    }
    if (response == null) {
      // No HTTP answer at all: refused or reset connection, unknown host, timeout.
      return PushResult.retry(isTimeout(e) ? "timeout" : "connection", null);
    }
    int status = response.getStatusCode();
    String reason = code != null ? code.name() : "http_" + status;
    if (status >= 200 && status < 300) {
      // FCM accepted the message; only reading its answer failed.
      return PushResult.sent();
    }
    if ((code != null && TRANSIENT_CODES.contains(code)) || TRANSIENT_STATUSES.contains(status)) {
      return PushResult.retry(reason, retryAfter(response.getHeaders(), now));
    }
    return PushResult.rejected(reason);
  }

  /**
   * Whether an FCM v1 error is about the registration token: a {@code BadRequest} field violation
   * on {@code message.token}, or a message that speaks of the registration token.
   */
  static boolean namesTheToken(String body, JsonFactory json) {
    if (body == null || body.isEmpty()) {
      return false;
    }
    Object error;
    try {
      error = json.fromString(body, GenericJson.class).get("error");
    } catch (IOException | IllegalArgumentException e) {
      return false; // not JSON: nothing names the token
    }
    if (!(error instanceof Map<?, ?> errorMap)) {
      return false;
    }
    if (errorMap.get("message") instanceof String message
        && message.toLowerCase(Locale.ROOT).contains("registration token")) {
      return true;
    }
    if (!(errorMap.get("details") instanceof List<?> details)) {
      return false;
    }
    for (Object detail : details) {
      if (detail instanceof Map<?, ?> d && d.get("fieldViolations") instanceof List<?> violations) {
        for (Object violation : violations) {
          if (violation instanceof Map<?, ?> v && TOKEN_FIELD.equals(v.get("field"))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  static boolean isTimeout(FirebaseMessagingException e) {
    if (e.getErrorCode() == ErrorCode.DEADLINE_EXCEEDED) {
      return true;
    }
    // Apache's client wraps its timeouts in a plain IOException: look down the causes by type.
    for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
      if (t instanceof java.net.SocketTimeoutException
          || t instanceof java.util.concurrent.TimeoutException
          || t.getClass().getSimpleName().contains("Timeout")) {
        return true;
      }
    }
    return false;
  }

  /** {@code Retry-After} as delay-seconds or an HTTP-date; null when absent or unreadable. */
  static Duration retryAfter(Map<String, Object> headers, Instant now) {
    String value = null;
    for (Map.Entry<String, Object> header : headers.entrySet()) {
      if ("retry-after".equalsIgnoreCase(header.getKey())) {
        Object v = header.getValue();
        if (v instanceof List<?> list && !list.isEmpty()) {
          v = list.get(0);
        }
        value = v instanceof String s ? s.trim() : null;
      }
    }
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (value.chars().allMatch(Character::isDigit)) {
      try {
        return Duration.ofSeconds(Long.parseLong(value));
      } catch (NumberFormatException e) {
        return null; // absurdly long: let the dispatcher's own backoff decide
      }
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration delay = Duration.between(now, at);
      return delay.isNegative() ? Duration.ZERO : delay;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
