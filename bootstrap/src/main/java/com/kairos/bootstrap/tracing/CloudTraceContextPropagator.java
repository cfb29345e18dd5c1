package com.kairos.bootstrap.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Google Cloud's {@code X-Cloud-Trace-Context: TRACE_ID/SPAN_ID;o=OPTIONS} (a 32-hex trace
 * id, a decimal span id, {@code o=1} when sampled), which Cloud Run's front end sends. Extract
 * only: outgoing calls carry W3C {@code traceparent}.
 */
public final class CloudTraceContextPropagator implements TextMapPropagator {
  static final String HEADER = "x-cloud-trace-context";
  private static final Pattern FORMAT =
      Pattern.compile("([0-9a-fA-F]{32})/([0-9]{1,20})(?:;o=([0-9]+))?.*");

  @Override
  public List<String> fields() {
    return List.of(HEADER);
  }

  @Override
  public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {}

  @Override
  public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
    String value = getter.get(carrier, HEADER);
    if (value == null) {
      return context;
    }
    Matcher m = FORMAT.matcher(value.strip());
    if (!m.matches()) {
      return context;
    }
    long spanId;
    try {
      spanId = Long.parseUnsignedLong(m.group(2));
    } catch (NumberFormatException e) {
      return context;
    }
    boolean sampled = m.group(3) != null && (Integer.parseInt(m.group(3)) & 1) == 1;
    SpanContext parent =
        SpanContext.createFromRemoteParent(
            m.group(1).toLowerCase(Locale.ROOT),
            String.format("%016x", spanId),
            sampled ? TraceFlags.getSampled() : TraceFlags.getDefault(),
            TraceState.getDefault());
    return parent.isValid() ? context.with(Span.wrap(parent)) : context;
  }
}
