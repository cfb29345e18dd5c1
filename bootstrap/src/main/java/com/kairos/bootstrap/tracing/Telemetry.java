package com.kairos.bootstrap.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * OpenTelemetry for this process, configured by the standard {@code OTEL_*} variables through the
 * SDK's autoconfiguration. Off unless an exporter is configured ({@code OTEL_TRACES_EXPORTER} other
 * than {@code none}, or an {@code OTEL_EXPORTER_OTLP_[TRACES_]ENDPOINT}): then no SDK is built and
 * nothing is recorded, but incoming trace context is still read so that log lines carry the
 * caller's trace. Sampling is the SDK's (parent-based by default: an incoming decision is kept).
 * Metrics and logs are never exported through OpenTelemetry unless asked for.
 */
public final class Telemetry implements AutoCloseable {
  /** Incoming context: X-Cloud-Trace-Context, overridden by W3C traceparent when both came. */
  static final TextMapPropagator INCOMING =
      TextMapPropagator.composite(
          new CloudTraceContextPropagator(), W3CTraceContextPropagator.getInstance());

  private final OpenTelemetry openTelemetry;
  private final OpenTelemetrySdk sdk;

  private Telemetry(OpenTelemetry openTelemetry, OpenTelemetrySdk sdk) {
    this.openTelemetry = openTelemetry;
    this.sdk = sdk;
  }

  /** From the {@code OTEL_*} variables in {@code env} (names as in the environment). */
  public static Telemetry create(Map<String, String> env) {
    if (!exporting(env)) {
      return new Telemetry(OpenTelemetry.propagating(ContextPropagators.create(INCOMING)), null);
    }
    Map<String, String> properties = new HashMap<>();
    properties.put("otel.service.name", "kairos-server");
    properties.put("otel.metrics.exporter", "none");
    properties.put("otel.logs.exporter", "none");
    env.forEach(
        (name, value) -> properties.put(name.toLowerCase(Locale.ROOT).replace('_', '.'), value));
    OpenTelemetrySdk sdk =
        AutoConfiguredOpenTelemetrySdk.builder()
            .addPropertiesSupplier(() -> properties)
            .addPropagatorCustomizer(
                (configured, config) ->
                    TextMapPropagator.composite(new CloudTraceContextPropagator(), configured))
            .disableShutdownHook()
            .build()
            .getOpenTelemetrySdk();
    return new Telemetry(sdk, sdk);
  }

  /** Whether spans are recorded and exported. */
  static boolean exporting(Map<String, String> env) {
    if ("true".equalsIgnoreCase(env.get("OTEL_SDK_DISABLED"))) {
      return false;
    }
    String exporter = env.get("OTEL_TRACES_EXPORTER");
    if (exporter != null) {
      return !exporter.strip().equalsIgnoreCase("none");
    }
    return env.containsKey("OTEL_EXPORTER_OTLP_ENDPOINT")
        || env.containsKey("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
  }

  public boolean recording() {
    return sdk != null;
  }

  public OpenTelemetry openTelemetry() {
    return openTelemetry;
  }

  public Tracer tracer() {
    return openTelemetry.getTracer("com.kairos");
  }

  /** Exports what is still buffered (at most five seconds), then stops. */
  @Override
  public void close() {
    if (sdk != null) {
      sdk.shutdown().join(5, TimeUnit.SECONDS);
    }
  }
}
