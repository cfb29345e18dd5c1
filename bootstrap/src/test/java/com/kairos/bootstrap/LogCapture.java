package com.kairos.bootstrap;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.joran.spi.JoranException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.LoggerFactory;

/**
 * Captures every log line in memory, encoded by the encoder of the production logback.xml (JSON,
 * Cloud Logging's shape) with {@code GOOGLE_CLOUD_PROJECT} = {@value #PROJECT}.
 */
final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {
  static final String PROJECT = "kairos-log-test";
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final Encoder<ILoggingEvent> encoder = productionEncoder();
  private final Logger root;

  LogCapture() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    setContext(context);
    start();
    root.addAppender(this);
    context.getLogger("kairos.request").setLevel(ch.qos.logback.classic.Level.INFO);
    context.getLogger("com.kairos").setLevel(ch.qos.logback.classic.Level.INFO);
  }

  private static Encoder<ILoggingEvent> productionEncoder() {
    LoggerContext production = new LoggerContext();
    production.putProperty("LOG_FORMAT", "json");
    production.putProperty("GOOGLE_CLOUD_PROJECT", PROJECT);
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(production);
    try {
      configurator.doConfigure(LogCapture.class.getResource("/logback.xml"));
    } catch (JoranException e) {
      throw new IllegalStateException(e);
    }
    var appender =
        (OutputStreamAppender<ILoggingEvent>)
            production.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("json");
    return appender.getEncoder();
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
