package com.kairos.http.route;

import com.kairos.application.paging.PageRequest;
import com.kairos.domain.common.Timestamps;
import com.kairos.domain.common.Uuids;
import com.kairos.domain.common.ValidationFailure;
import com.kairos.http.json.ApiError;
import com.kairos.http.json.JsonTime;
import com.kairos.http.json.WireNames;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** Query and path parameters, checked as strictly as bodies: bad values are 400s. */
public final class QueryParams {
  private QueryParams() {}

  public static PageRequest page(Context ctx) {
    return page(ctx, PageRequest.DEFAULT_LIMIT);
  }

  /** {@code limit} and {@code cursor}, for a listing whose page size is {@code defaultLimit}. */
  public static PageRequest page(Context ctx, int defaultLimit) {
    return new PageRequest(limit(ctx, defaultLimit), optional(ctx, "cursor"));
  }

  public static int limit(Context ctx) {
    return limit(ctx, PageRequest.DEFAULT_LIMIT);
  }

  /** {@code limit}, 1 to 100, or {@code defaultLimit} when absent. */
  public static int limit(Context ctx, int defaultLimit) {
    String raw = optional(ctx, "limit");
    if (raw == null) {
      return defaultLimit;
    }
    try {
      int limit = Integer.parseInt(raw);
      if (limit >= 1 && limit <= PageRequest.MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      throw ApiError.validation("limit", "invalid_type", "limit must be an integer from 1 to 100");
    }
    throw ApiError.validation("limit", "out_of_range", "limit must be from 1 to 100");
  }

  /** An optional integer ≥ 0, or {@code absent} when the query does not name it. */
  public static long nonNegative(Context ctx, String name, long absent) {
    String raw = optional(ctx, name);
    if (raw == null) {
      return absent;
    }
    long value;
    try {
      value = Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw ApiError.validation(name, "invalid_type", name + " must be an integer, 0 or greater");
    }
    if (value < 0) {
      throw ApiError.validation(name, "out_of_range", name + " must be 0 or greater");
    }
    return value;
  }

  public static Instant timestamp(Context ctx, String name) {
    String raw = optional(ctx, name);
    if (raw == null) {
      return null;
    }
    try {
      return Timestamps.truncate(JsonTime.parse(raw));
    } catch (DateTimeParseException e) {
      throw ApiError.validation(name, "invalid_timestamp", name + " must be an RFC 3339 timestamp");
    }
  }

  public static boolean flag(Context ctx, String name) {
    String raw = optional(ctx, name);
    if (raw == null || "false".equals(raw)) {
      return false;
    }
    if ("true".equals(raw)) {
      return true;
    }
    throw ApiError.validation(name, "invalid_type", name + " must be true or false");
  }

  public static <E extends Enum<E>> E oneOf(Context ctx, String name, Class<E> type) {
    String raw = optional(ctx, name);
    return raw == null ? null : parse(raw, name, type);
  }

  public static <E extends Enum<E>> Set<E> listOf(Context ctx, String name, Class<E> type) {
    String raw = optional(ctx, name);
    Set<E> result = EnumSet.noneOf(type);
    if (raw == null) {
      return result;
    }
    for (String part : raw.split(",", -1)) {
      result.add(parse(part.strip(), name, type));
    }
    return result;
  }

  public static UUID pathUuid(Context ctx, String name) {
    try {
      return Uuids.parse(ctx.pathParam(name), name);
    } catch (ValidationFailure f) {
      throw ApiError.validation(name, "invalid_uuid", name + " must be a UUID");
    }
  }

  private static <E extends Enum<E>> E parse(String raw, String name, Class<E> type) {
    for (E constant : type.getEnumConstants()) {
      if (WireNames.of(constant).equals(raw)) {
        return constant;
      }
    }
    throw ApiError.validation(name, "invalid_enum", name + " has a value that is not allowed");
  }

  private static String optional(Context ctx, String name) {
    String value = ctx.queryParam(name);
    return value == null || value.isEmpty() ? null : value;
  }
}
