package com.kairos.bootstrap.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When tracing records, and how the caller's trace context is read. */
class TelemetryTest {
  private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final TextMapGetter<Map<String, String>> MAP =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
          return carrier == null ? null : carrier.get(key);
        }
      };

  private static SpanContext incoming(Map<String, String> headers) {
    Context context = Telemetry.INCOMING.extract(Context.root(), headers, MAP);
    return Span.fromContext(context).getSpanContext();
  }

  @Test
  void nothingIsRecordedUnlessAnExporterIsConfigured() {
    assertThat(Telemetry.exporting(Map.of())).isFalse();
    assertThat(Telemetry.exporting(Map.of("OTEL_SERVICE_NAME", "x"))).isFalse();
    assertThat(Telemetry.exporting(Map.of("OTEL_TRACES_EXPORTER", "none"))).isFalse();
    assertThat(Telemetry.exporting(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318")))
        .isTrue();
    assertThat(Telemetry.exporting(Map.of("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://c")))
        .isTrue();
    assertThat(Telemetry.exporting(Map.of("OTEL_TRACES_EXPORTER", "otlp"))).isTrue();
    assertThat(
            Telemetry.exporting(
                Map.of("OTEL_TRACES_EXPORTER", "otlp", "OTEL_SDK_DISABLED", "true")))
        .isFalse();
  }

  @Test
  void offTheTracerRecordsNothingButKeepsTheCallersTrace() {
    try (Telemetry off = Telemetry.create(Map.of())) {
      assertThat(off.recording()).isFalse();
      SpanContext caller = incoming(Map.of("traceparent", "00-" + TRACE + "-00f067aa0ba902b7-01"));
      Span span =
          off.tracer()
              .spanBuilder("x")
              .setParent(Context.root().with(Span.wrap(caller)))
              .startSpan();
      assertThat(span.isRecording()).isFalse();
      assertThat(span.getSpanContext().getTraceId()).isEqualTo(TRACE);
    }
  }

  @Test
  void cloudRunsHeaderIsReadWithItsDecimalSpanIdAndSampledFlag() {
    SpanContext context = incoming(Map.of("x-cloud-trace-context", TRACE + "/12345;o=1"));
    assertThat(context.isValid()).isTrue();
    assertThat(context.isRemote()).isTrue();
    assertThat(context.getTraceId()).isEqualTo(TRACE);
    assertThat(context.getSpanId()).isEqualTo("0000000000003039");
    assertThat(context.isSampled()).isTrue();
    assertThat(incoming(Map.of("x-cloud-trace-context", TRACE + "/12345;o=0")).isSampled())
        .isFalse();
    assertThat(incoming(Map.of("x-cloud-trace-context", TRACE + "/18446744073709551615")))
        .matches(c -> c.getSpanId().equals("ffffffffffffffff"));
  }

  @Test
  void malformedCloudHeadersAreIgnored() {
    for (String bad : new String[] {"", "abc/1;o=1", TRACE, TRACE + "/x;o=1", TRACE + "/0;o=1"}) {
      assertThat(incoming(Map.of("x-cloud-trace-context", bad)).isValid()).as(bad).isFalse();
    }
  }

  @Test
  void traceparentWinsWhenBothCome() {
    String w3c = "0af7651916cd43dd8448eb211c80319c";
    SpanContext context =
        incoming(
            Map.of(
                "x-cloud-trace-context", TRACE + "/1;o=1",
                "traceparent", "00-" + w3c + "-b7ad6b7169203331-00"));
    assertThat(context.getTraceId()).isEqualTo(w3c);
    assertThat(context.getSpanId()).isEqualTo("b7ad6b7169203331");
    assertThat(context.isSampled()).isFalse();
  }
}
