package com.kairos.bootstrap.tracing;

import com.kairos.application.port.IdentityAccounts;
import com.kairos.application.port.IdentityVerifier;
import com.kairos.application.port.PushResult;
import com.kairos.application.port.PushSender;
import com.kairos.application.port.Transactions;
import com.kairos.application.port.UserDirectory;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Spans around the ports the use cases call, so that the core knows nothing of tracing: a use case
 * (its unit of work, named after the use case class), Firebase token verification and user lookups
 * and deletions, push sends (FCM). Attributes carry kinds and counts, never a token, id or payload.
 */
public final class TracedPorts {
  static final AttributeKey<String> USE_CASE = AttributeKey.stringKey("kairos.use_case");
  static final AttributeKey<String> PEER = AttributeKey.stringKey("peer.service");
  static final AttributeKey<String> PUSH_KIND = AttributeKey.stringKey("kairos.push.kind");
  static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("kairos.outcome");
  static final AttributeKey<Long> COUNT = AttributeKey.longKey("kairos.count");
  private static final StackWalker STACK = StackWalker.getInstance();

  private TracedPorts() {}

  /**
   * A span per unit of work inside a traced request (background jobs, which poll every few seconds,
   * start none), named after the use case that opened it.
   */
  public static Transactions transactions(Transactions delegate, Tracer tracer) {
    return new Transactions() {
      @Override
      public <T> T inTransaction(Supplier<T> work) {
        return unit(() -> delegate.inTransaction(work));
      }

      @Override
      public <T> T reading(Supplier<T> work) {
        return unit(() -> delegate.reading(work));
      }

      private <T> T unit(Supplier<T> run) {
        if (!Span.current().getSpanContext().isValid()) {
          return run.get();
        }
        String useCase = useCaseName();
        return traced(
            tracer, useCase, SpanKind.INTERNAL, s -> s.setAttribute(USE_CASE, useCase), run);
      }
    };
  }

  /** The first application class below the ports on the calling stack: the use case. */
  static String useCaseName() {
    return STACK.walk(
        frames ->
            frames
                .map(StackWalker.StackFrame::getClassName)
                .filter(c -> c.startsWith("com.kairos.application."))
                .filter(c -> !c.startsWith("com.kairos.application.port."))
                .findFirst()
                .map(c -> c.substring(c.lastIndexOf('.') + 1).replaceAll("\\$.*", ""))
                .orElse("unit of work"));
  }

  public static IdentityVerifier identities(IdentityVerifier delegate, Tracer tracer) {
    return token ->
        traced(
            tracer,
            "firebase verify_id_token",
            SpanKind.CLIENT,
            firebase(),
            () -> delegate.verify(token));
  }

  public static UserDirectory users(UserDirectory delegate, Tracer tracer) {
    return ids ->
        traced(
            tracer,
            "firebase get_users",
            SpanKind.CLIENT,
            s -> firebase().apply(s).setAttribute(COUNT, (long) ids.size()),
            () -> delegate.unknown(ids));
  }

  public static IdentityAccounts accounts(IdentityAccounts delegate, Tracer tracer) {
    return user ->
        traced(
            tracer,
            "firebase delete_user",
            SpanKind.CLIENT,
            firebase(),
            () -> delegate.delete(user));
  }

  /**
   * A root span per push sent through {@code provider} ({@code fcm}, {@code log}): sends run on the
   * dispatcher's threads, outside any request.
   */
  public static PushSender pushes(PushSender delegate, Tracer tracer, String provider) {
    return message ->
        traced(
            tracer,
            "push send",
            SpanKind.CLIENT,
            s ->
                s.setAttribute(PEER, provider)
                    .setAttribute(PUSH_KIND, message.kind().name().toLowerCase(Locale.ROOT)),
            () -> {
              PushResult result = delegate.send(message);
              Span.current()
                  .setAttribute(OUTCOME, result.outcome().name().toLowerCase(Locale.ROOT));
              return result;
            });
  }

  private static Function<Span, Span> firebase() {
    return s -> s.setAttribute(PEER, "firebase");
  }

  private static <T> T traced(
      Tracer tracer,
      String name,
      SpanKind kind,
      Function<Span, Span> attributes,
      Supplier<T> work) {
    Span span = attributes.apply(tracer.spanBuilder(name).setSpanKind(kind).startSpan());
    try (Scope ignored = span.makeCurrent()) {
      return work.get();
    } catch (RuntimeException | Error e) {
      // The exception's type only: its message could quote a value.
      span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
      throw e;
    } finally {
      span.end();
    }
  }
}
