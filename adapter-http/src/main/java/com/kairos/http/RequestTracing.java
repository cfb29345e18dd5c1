package com.kairos.http;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.List;

/**
 * One server span per request, child of the trace context the caller sent ({@code traceparent}, or
 * whatever the configured propagators read), and current while the request runs so that use cases,
 * SQL, Firebase calls and log lines join it. With a no-op tracer the caller's context is still made
 * current: log lines carry its trace id though nothing is recorded. Span attributes hold the
 * method, the route template and the status only: never a raw URL, header or body.
 */
public final class RequestTracing {
  static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
  static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
  static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
  private static final String SPAN = "kairos.span";
  private static final String SCOPE = "kairos.spanScope";
  private static final TextMapGetter<Context> HEADERS =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Context ctx) {
          return List.copyOf(ctx.headerMap().keySet());
        }

        @Override
        public String get(Context ctx, String key) {
          return ctx == null ? null : ctx.header(key);
        }
      };

  private final Tracer tracer;
  private final TextMapPropagator propagator;

  public RequestTracing(OpenTelemetry openTelemetry) {
    this.tracer = openTelemetry.getTracer("com.kairos.http");
    this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
  }

  /** Neither reads nor records anything. */
  public static RequestTracing off() {
    return new RequestTracing(OpenTelemetry.noop());
  }

  void begin(Context ctx) {
    io.opentelemetry.context.Context parent =
        propagator.extract(io.opentelemetry.context.Context.root(), ctx, HEADERS);
    Span span =
        tracer
            .spanBuilder(ctx.method().name())
            .setParent(parent)
            .setSpanKind(SpanKind.SERVER)
            .setAttribute(METHOD, ctx.method().name())
            .startSpan();
    ctx.attribute(SPAN, span);
    ctx.attribute(SCOPE, parent.with(span).makeCurrent());
  }

  void end(Context ctx) {
    Span span = ctx.attribute(SPAN);
    Scope scope = ctx.attribute(SCOPE);
    if (span == null || scope == null) {
      return;
    }
    Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
    String route = matched == null ? "(unmatched)" : matched.path;
    int status = ctx.statusCode();
    span.updateName(ctx.method().name() + " " + route);
    span.setAttribute(ROUTE, route);
    span.setAttribute(STATUS, (long) status);
    if (status >= 500) {
      span.setStatus(StatusCode.ERROR);
    }
    span.end();
    scope.close();
    ctx.attribute(SCOPE, null);
  }
}
