package com.kairos.postgres.offender;

import io.opentelemetry.api.trace.Span;

/** Breaks the tracing rule on purpose: a persistence adapter reaching for OpenTelemetry. */
public final class TracingRepository {
  private TracingRepository() {}

  public static boolean traced() {
    return Span.current().getSpanContext().isValid();
  }
}
