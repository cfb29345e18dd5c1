package com.kairos.http.route;

import io.javalin.http.Context;
import java.util.UUID;

/** The request id: the client's when it is sane (1-128 of [A-Za-z0-9._-]), else a fresh UUID. */
public final class RequestIds {
  static final String ATTRIBUTE = "kairos.requestId";
  public static final String MDC_KEY = "request_id";

  private RequestIds() {}

  public static String assign(Context ctx, String header) {
    String offered = ctx.header(header);
    String id = isSane(offered) ? offered : fresh();
    ctx.attribute(ATTRIBUTE, id);
    return id;
  }

  /** 1-128 characters of [A-Za-z0-9._-], checked without a regex (this runs on every request). */
  static boolean isSane(String offered) {
    if (offered == null || offered.isEmpty() || offered.length() > 128) {
      return false;
    }
    for (int i = 0; i < offered.length(); i++) {
      char c = offered.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** A new request id. */
  public static String fresh() {
    return UUID.randomUUID().toString();
  }

  public static String of(Context ctx) {
    String id = ctx.attribute(ATTRIBUTE);
    return id == null ? "unknown" : id;
  }
}
