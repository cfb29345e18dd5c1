package com.kairos.http;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.regex.Pattern;

/** The request id: the client's when it is sane (1-128 of [A-Za-z0-9._-]), else a fresh UUID. */
final class RequestIds {
  static final String ATTRIBUTE = "kairos.requestId";
  static final String MDC_KEY = "request_id";
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,128}");

  private RequestIds() {}

  static String assign(Context ctx, String header) {
    String offered = ctx.header(header);
    String id = offered != null && SANE.matcher(offered).matches() ? offered : fresh();
    ctx.attribute(ATTRIBUTE, id);
    return id;
  }

  /** A new request id. */
  static String fresh() {
    return UUID.randomUUID().toString();
  }

  static String of(Context ctx) {
    String id = ctx.attribute(ATTRIBUTE);
    return id == null ? "unknown" : id;
  }
}
