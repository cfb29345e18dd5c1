package com.kairos.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The production logging configuration (logback.xml, not the tests' own): whatever LOG_LEVEL says,
 * the loggers that write HTTP wire traffic, headers or bound SQL values (the Auth Emulator's and
 * Google's responses, bearer tokens, encrypted blobs) never print below WARN.
 */
class LogConfigurationTest {

  private static LoggerContext production(String level) throws Exception {
    URL config = LogConfigurationTest.class.getResource("/logback.xml");
    assertThat(config).as("production logback.xml on the classpath").isNotNull();
    LoggerContext context = new LoggerContext();
    context.putProperty("LOG_LEVEL", level);
    context.putProperty("LOG_FORMAT", "json");
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(config);
    return context;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "org.apache.hc.client5.http.wire",
        "org.apache.hc.client5.http.headers",
        "org.apache.hc.core5.http2.frame",
        "org.apache.http.wire",
        "org.apache.http.headers",
        "com.google.api.client.http.HttpTransport",
        "org.eclipse.jetty.http.HttpParser",
        "org.eclipse.jetty.server.internal.HttpConnection",
        "org.postgresql.core.v3.QueryExecutorImpl",
        "io.netty.handler.logging.LoggingHandler",
        "io.grpc.netty.shaded.io.grpc.netty.NettyClientHandler"
      })
  void wireLoggersStayQuietEvenAtTrace(String logger) throws Exception {
    LoggerContext context = production("TRACE");
    assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).isTraceEnabled()).isTrue();
    assertThat(context.getLogger(logger).isDebugEnabled()).isFalse();
    assertThat(context.getLogger(logger).isInfoEnabled()).isFalse();
    context.stop();
  }

  @Test
  void applicationLoggersFollowTheConfiguredLevel() throws Exception {
    LoggerContext context = production("DEBUG");
    assertThat(context.getLogger("com.kairos.application.negotiation.StartNegotiation"))
        .matches(l -> l.isDebugEnabled());
    assertThat(context.getLogger("kairos.request").isInfoEnabled()).isTrue();
    context.stop();
  }
}
