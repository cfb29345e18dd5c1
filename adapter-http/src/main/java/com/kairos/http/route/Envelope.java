package com.kairos.http.route;

import com.kairos.application.paging.Page;
import com.kairos.domain.common.Timestamps;
import com.kairos.http.json.ApiError;
import com.kairos.http.json.Json;
import com.kairos.http.json.JsonTime;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Writes the success and error envelopes of api.md. */
public final class Envelope {
  /** The API's version, sent in every response and accepted (or absent) in requests. */
  public static final String API_VERSION = "1";

  public static final String JSON = "application/json; charset=utf-8";

  private final Clock clock;

  public Envelope(Clock clock) {
    this.clock = clock;
  }

  public void ok(Context ctx, int status, Object data) {
    write(ctx, status, data, meta(ctx));
  }

  public <T, J> void page(Context ctx, Page<T> page, Function<T, J> mapper) {
    Map<String, Object> meta = meta(ctx);
    Map<String, Object> pagination = new LinkedHashMap<>();
    pagination.put("limit", page.limit());
    pagination.put("next_cursor", page.nextCursor());
    pagination.put("has_more", page.hasMore());
    meta.put("pagination", pagination);
    write(ctx, 200, page.items().stream().map(mapper).toList(), meta);
  }

  public <J> void counted(Context ctx, List<J> items) {
    Map<String, Object> meta = meta(ctx);
    meta.put("count", items.size());
    write(ctx, 200, items, meta);
  }

  public static void error(Context ctx, ApiError error) {
    error.headers().forEach(ctx::header);
    ctx.status(error.status()).contentType(JSON).result(errorBody(error));
  }

  /** The error envelope's JSON text. */
  public static String errorBody(ApiError error) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", error.code());
    body.put("message", error.getMessage());
    body.put("details", error.details());
    return Json.write(Map.of("error", body));
  }

  private Map<String, Object> meta(Context ctx) {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("request_id", RequestIds.of(ctx));
    meta.put("timestamp", JsonTime.format(Timestamps.now(clock)));
    return meta;
  }

  private static void write(Context ctx, int status, Object data, Map<String, Object> meta) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("data", data);
    body.put("meta", meta);
    ctx.status(status).contentType(JSON).result(Json.writeBytes(body));
  }
}
