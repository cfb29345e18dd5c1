package com.kairos.http;

import com.kairos.application.account.RecentLoginRequired;
import com.kairos.application.cursor.InvalidCursor;
import com.kairos.application.port.AuthenticationFailed;
import com.kairos.application.port.DependencyUnavailable;
import com.kairos.domain.common.AccessDenied;
import com.kairos.domain.common.ConcurrentModification;
import com.kairos.domain.common.DomainException;
import com.kairos.domain.common.DuplicateId;
import com.kairos.domain.common.NotFound;
import com.kairos.domain.common.ValidationFailure;
import com.kairos.domain.negotiation.InvalidStateTransition;
import com.kairos.domain.negotiation.NegotiationExpired;
import com.kairos.domain.negotiation.OrganizerCannotDecline;
import com.kairos.domain.negotiation.StaleVersion;
import com.kairos.http.json.ApiError;
import com.kairos.http.json.JsonTime;
import com.kairos.http.json.WireNames;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place refusals become HTTP errors: never a 200 for a refusal, never a 500 for a client's
 * mistake. Every concrete domain refusal is named here (an architecture test checks it); anything
 * else it does not recognise is an internal error.
 */
final class ErrorMapper {
  private ErrorMapper() {}

  /** The API error for {@code e}, or null when {@code e} is unexpected (a 500). */
  static ApiError map(Throwable e) {
    if (e instanceof ApiError api) {
      return api;
    }
    if (e instanceof DomainException refusal) {
      return refusal(refusal);
    }
    if (e instanceof InvalidCursor) {
      return ApiError.validation("cursor", "invalid_cursor", "The cursor is not valid");
    }
    if (e instanceof AuthenticationFailed a) {
      return unauthenticated(a.reason());
    }
    if (e instanceof RecentLoginRequired) {
      return new ApiError(
          403,
          "authorization_error",
          "Sign in again to delete your account",
          Map.of("reason", "recent_login_required"),
          null);
    }
    if (e instanceof DependencyUnavailable d) {
      return new ApiError(
          503,
          "service_unavailable",
          "A service this request needs is not available; retry shortly",
          Map.of("dependency", d.dependency()),
          Map.of("Retry-After", "5"));
    }
    if (e instanceof ConcurrentModification) {
      return conflict(
          "The resource was changed by another request; retry",
          Map.of("reason", "concurrent_modification"));
    }
    return null;
  }

  /** Every domain refusal, each mapped explicitly; null for one not named here (a 500). */
  private static ApiError refusal(DomainException refusal) {
    if (refusal instanceof ValidationFailure f) {
      return validationFailure(f);
    }
    if (refusal instanceof NotFound n) {
      return notFound(n);
    }
    if (refusal instanceof AccessDenied d) {
      return accessDenied(d);
    }
    if (refusal instanceof DuplicateId d) {
      return duplicateId(d);
    }
    if (refusal instanceof StaleVersion s) {
      return staleVersion(s);
    }
    if (refusal instanceof NegotiationExpired x) {
      return negotiationExpired(x);
    }
    if (refusal instanceof OrganizerCannotDecline o) {
      return organizerCannotDecline(o);
    }
    if (refusal instanceof InvalidStateTransition t) {
      return invalidStateTransition(t);
    }
    return null;
  }

  private static ApiError validationFailure(ValidationFailure f) {
    String field = WireNames.path(f.field());
    return new ApiError(
        422,
        "validation_error",
        f.getMessage().isEmpty() ? "Invalid request" : withField(field, f.getMessage()),
        Map.of("field", field, "reason", WireNames.of(f.reason())),
        null);
  }

  private static ApiError notFound(NotFound n) {
    return new ApiError(
        404,
        "not_found",
        "The " + WireNames.of(n.resourceType()) + " does not exist",
        resource(WireNames.of(n.resourceType()), n.resourceId()),
        null);
  }

  private static ApiError accessDenied(AccessDenied d) {
    return new ApiError(
        403,
        "authorization_error",
        "You may not access this " + WireNames.of(d.resourceType()),
        resource(WireNames.of(d.resourceType()), d.resourceId()),
        null);
  }

  private static ApiError duplicateId(DuplicateId d) {
    Map<String, Object> details =
        new LinkedHashMap<>(resource(WireNames.of(d.resourceType()), d.resourceId()));
    details.put("reason", "duplicate_id");
    return conflict(
        "A " + WireNames.of(d.resourceType()) + " with this id already exists", details);
  }

  private static ApiError staleVersion(StaleVersion s) {
    return conflict(
        "The negotiation has changed; reload it and retry",
        Map.of("reason", "stale_version", "current_version", s.currentVersion()));
  }

  private static ApiError negotiationExpired(NegotiationExpired x) {
    return conflict(
        "The negotiation has expired",
        Map.of("reason", "negotiation_expired", "expired_at", JsonTime.format(x.expiredAt())));
  }

  private static ApiError organizerCannotDecline(OrganizerCannotDecline o) {
    return conflict(
        "The organizer cannot decline; cancel the negotiation instead",
        Map.of("reason", "organizer_cannot_decline"));
  }

  private static ApiError invalidStateTransition(InvalidStateTransition t) {
    return conflict(
        "Cannot "
            + WireNames.of(t.requestedAction())
            + " a "
            + WireNames.of(t.currentState())
            + " negotiation",
        Map.of(
            "reason", "invalid_state_transition",
            "current_state", WireNames.of(t.currentState()),
            "requested_action", WireNames.of(t.requestedAction())));
  }

  static ApiError unauthenticated(AuthenticationFailed.Reason reason) {
    String message =
        switch (reason) {
          case MISSING_TOKEN -> "An Authorization: Bearer token is required";
          case MALFORMED_TOKEN -> "The Authorization header must be: Bearer <token>";
          case EXPIRED_TOKEN -> "The token has expired; refresh it and retry";
          case REVOKED_TOKEN -> "The token has been revoked";
          case INVALID_TOKEN -> "The token could not be verified";
        };
    return new ApiError(
        401,
        "authentication_error",
        message,
        Map.of("reason", WireNames.of(reason)),
        Map.of("WWW-Authenticate", "Bearer"));
  }

  private static ApiError conflict(String message, Map<String, Object> details) {
    return new ApiError(409, "conflict_error", message, details, null);
  }

  private static Map<String, Object> resource(String type, String id) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("resource_type", type);
    details.put("resource_id", id);
    return details;
  }

  private static String withField(String field, String message) {
    return field + " " + message;
  }
}
