package com.kairos.bootstrap.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import java.sql.SQLException;
import java.util.Locale;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * A client span per SQL statement run inside a traced request, with the statement's text as written
 * (placeholders, never a bound value: bound values include encrypted blobs) and the SQLSTATE when
 * it fails.
 */
public final class SqlSpans implements SqlLogger {
  static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("db.system.name");
  static final AttributeKey<String> QUERY = AttributeKey.stringKey("db.query.text");
  static final AttributeKey<String> OPERATION = AttributeKey.stringKey("db.operation.name");
  static final AttributeKey<String> STATE = AttributeKey.stringKey("db.response.status_code");

  private final Tracer tracer;
  private final ThreadLocal<Span> running = new ThreadLocal<>();

  public SqlSpans(Tracer tracer) {
    this.tracer = tracer;
  }

  @Override
  public void logBeforeExecution(StatementContext context) {
    if (!Span.current().getSpanContext().isValid()) {
      return;
    }
    String sql = context.getParsedSql().getSql().strip();
    String operation = operation(sql);
    running.set(
        tracer
            .spanBuilder(operation)
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute(SYSTEM, "postgresql")
            .setAttribute(OPERATION, operation)
            .setAttribute(QUERY, sql)
            .startSpan());
  }

  @Override
  public void logAfterExecution(StatementContext context) {
    end(null);
  }

  @Override
  public void logException(StatementContext context, SQLException ex) {
    end(ex);
  }

  private void end(SQLException failure) {
    Span span = running.get();
    if (span == null) {
      return;
    }
    running.remove();
    if (failure != null) {
      span.setStatus(StatusCode.ERROR);
      if (failure.getSQLState() != null) {
        span.setAttribute(STATE, failure.getSQLState());
      }
    }
    span.end();
  }

  static String operation(String sql) {
    int end = 0;
    while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
      end++;
    }
    return end == 0 ? "SQL" : sql.substring(0, end).toUpperCase(Locale.ROOT);
  }
}
