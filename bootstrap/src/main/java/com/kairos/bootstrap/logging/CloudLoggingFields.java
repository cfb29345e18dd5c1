package com.kairos.bootstrap.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.core.JsonGenerator;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.io.IOException;
import java.util.List;
import net.logstash.logback.composite.AbstractJsonProvider;
import org.slf4j.event.KeyValuePair;

/**
 * The fields Cloud Logging gives meaning to: {@code severity} (DEBUG, INFO, WARNING, ERROR), the
 * trace and span of the request the line was written in ({@code logging.googleapis.com/trace} as
 * {@code projects/<project>/traces/<id>}, {@code logging.googleapis.com/spanId}, {@code
 * logging.googleapis.com/trace_sampled}), and for a request line an {@code httpRequest} object
 * built from the line's own key-value pairs (method, route template, status, latency): never a raw
 * URL, a header or an address.
 */
public final class CloudLoggingFields extends AbstractJsonProvider<ILoggingEvent> {
  static final String TRACE = "logging.googleapis.com/trace";
  static final String SPAN_ID = "logging.googleapis.com/spanId";
  static final String SAMPLED = "logging.googleapis.com/trace_sampled";
  private static final String REQUEST_LOGGER = "kairos.request";

  private String projectId = "";

  /** The Google Cloud project the traces belong to; without one the bare trace id is written. */
  public void setProjectId(String projectId) {
    this.projectId = projectId == null ? "" : projectId.strip();
  }

  @Override
  public void writeTo(JsonGenerator json, ILoggingEvent event) throws IOException {
    json.writeStringField("severity", severity(event.getLevel()));
    // The thread's current span: the request's while a request runs (set by the HTTP adapter).
    SpanContext span = Span.current().getSpanContext();
    if (span.isValid()) {
      json.writeStringField(
          TRACE,
          projectId.isEmpty()
              ? span.getTraceId()
              : "projects/" + projectId + "/traces/" + span.getTraceId());
      json.writeStringField(SPAN_ID, span.getSpanId());
      json.writeBooleanField(SAMPLED, span.isSampled());
    }
    if (REQUEST_LOGGER.equals(event.getLoggerName())) {
      writeHttpRequest(json, event.getKeyValuePairs());
    }
  }

  static String severity(Level level) {
    return switch (level.toInt()) {
      case Level.ERROR_INT -> "ERROR";
      case Level.WARN_INT -> "WARNING";
      case Level.INFO_INT -> "INFO";
      default -> "DEBUG";
    };
  }

  private static void writeHttpRequest(JsonGenerator json, List<KeyValuePair> pairs)
      throws IOException {
    if (pairs == null) {
      return;
    }
    Object method = null;
    Object path = null;
    Object status = null;
    Object millis = null;
    for (KeyValuePair p : pairs) {
      switch (p.key) {
        case "method" -> method = p.value;
        case "path" -> path = p.value;
        case "status_code" -> status = p.value;
        case "duration_ms" -> millis = p.value;
        default -> {}
      }
    }
    if (method == null || status == null) {
      return;
    }
    json.writeObjectFieldStart("httpRequest");
    json.writeStringField("requestMethod", method.toString());
    if (path != null) {
      json.writeStringField("requestUrl", path.toString()); // the route template
    }
    if (status instanceof Number n) {
      json.writeNumberField("status", n.intValue());
    }
    if (millis instanceof Number n) {
      json.writeStringField(
          "latency", String.format(java.util.Locale.ROOT, "%.6fs", n.doubleValue() / 1000.0));
    }
    json.writeEndObject();
  }
}
