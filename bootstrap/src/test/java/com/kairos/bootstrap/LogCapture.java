package com.kairos.bootstrap;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.LoggerFactory;

/** Captures every log line, encoded exactly as production encodes it (JSON), in memory. */
final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final JsonEncoder encoder = new JsonEncoder();
  private final Logger root;

  LogCapture() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    encoder.setContext(context);
    encoder.start();
    setContext(context);
    start();
    root.addAppender(this);
    context.getLogger("kairos.request").setLevel(ch.qos.logback.classic.Level.INFO);
    context.getLogger("com.kairos").setLevel(ch.qos.logback.classic.Level.INFO);
  }

  @Override
  protected synchronized void append(ILoggingEvent event) {
    out.writeBytes(encoder.encode(event));
  }

  synchronized String text() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    root.detachAppender(this);
    stop();
  }
}
