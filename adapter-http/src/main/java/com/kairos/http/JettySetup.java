package com.kairos.http;

import io.javalin.config.JavalinConfig;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.MinimumDataRateHandler;

/**
 * What the API asks of Jetty beyond Javalin's defaults: a graceful stop, errors in the envelope, a
 * connection idle timeout and a minimum request-body rate, so that clients trickling bytes cannot
 * hold worker threads for long.
 */
final class JettySetup {
  static final long STOP_TIMEOUT_MS = 20_000;

  private JettySetup() {}

  /** Settings that must be in place before Javalin builds its connector. */
  static void configure(JavalinConfig config, ApiSettings settings) {
    // Graceful stop: connectors close first, then in-flight requests get up to the timeout.
    config.jetty.modifyServer(
        server -> {
          server.setStopTimeout(STOP_TIMEOUT_MS);
          server.setErrorHandler(new JettyErrors(settings.requestIdHeader()));
        });
  }

  /**
   * Wraps the handler chain, once Javalin has attached its servlet and connector: an idle timeout
   * on the connections (a stalled body, a silent client), Jetty's GracefulHandler counts requests
   * in flight so a stopping server can wait for them (Javalin does not do it itself), and
   * MinimumDataRateHandler fails reads of a body arriving slower than the configured rate.
   */
  static void onStarting(Server server, ApiSettings.Capacity capacity) {
    if (server.getHandler() instanceof GracefulHandler) {
      return;
    }
    // The connection's idle timeout, not HttpConfiguration's per-request one: the latter left
    // connections that a graceful stop waited on until its own timeout.
    for (Connector connector : server.getConnectors()) {
      if (connector instanceof AbstractConnector network) {
        network.setIdleTimeout(capacity.requestIdleTimeout().toMillis());
      }
    }
    Handler inner = server.getHandler();
    if (capacity.minBodyBytesPerSecond() > 0) {
      inner = new MinimumDataRateHandler(inner, capacity.minBodyBytesPerSecond(), 0);
    }
    GracefulHandler graceful = new GracefulHandler();
    graceful.setHandler(inner);
    server.setHandler(graceful);
  }
}
