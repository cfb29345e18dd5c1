package com.kairos.http;

import com.kairos.http.route.Caller;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * One log line per request with method, path (the route template, never a raw URL with ids or query
 * values), status_code, duration_ms and user_id; its request_id comes from the MDC, like every
 * other line of the request (once: a key of its own would repeat it). Client mistakes log at warn,
 * conflicts at info, 503s (dependency down, load shed) at warn, other server errors at error.
 */
final class RequestLog {
  static final String STARTED = "kairos.startedNanos";
  private static final Logger LOG = LoggerFactory.getLogger("kairos.request");

  private RequestLog() {}

  static void start(Context ctx) {
    ctx.attribute(STARTED, System.nanoTime());
  }

  static long elapsedNanos(Context ctx) {
    Long started = ctx.attribute(STARTED);
    return started == null ? 0 : System.nanoTime() - started;
  }

  static void finish(Context ctx) {
    long micros = elapsedNanos(ctx) / 1000;
    int status = ctx.statusCode();
    var line =
        LOG.atLevel(level(status))
            .addKeyValue("method", ctx.method().name())
            .addKeyValue("path", template(ctx))
            .addKeyValue("status_code", status)
            .addKeyValue("duration_ms", micros / 1000.0);
    String user = Caller.userIdOrNull(ctx);
    if (user != null) {
      line = line.addKeyValue("user_id", user);
    }
    line.log("request completed");
  }

  static Level level(int status) {
    if (status == 503) {
      return Level.WARN; // a dependency down or load shed: expected, and counted in metrics
    }
    if (status >= 500) {
      return Level.ERROR;
    }
    if (status == 409) {
      return Level.INFO;
    }
    return status >= 400 ? Level.WARN : Level.INFO;
  }

  private static String template(Context ctx) {
    // The matched route's template (/negotiations/{id}); unknown routes are not echoed, since
    // a raw path could carry anything.
    Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
    return matched == null ? "(unmatched)" : matched.path;
  }
}
