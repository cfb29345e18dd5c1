package com.kairos.bootstrap;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the Kairos server from environment variables; stops it cleanly on SIGTERM. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    KairosConfig config;
    try {
      config = KairosConfig.from(System.getenv());
    } catch (ConfigException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    if (config.databaseUrl() == null && LocalDatabase.factory().isEmpty()) {
      System.err.println(LocalDatabase.MISSING);
      System.exit(2);
      return;
    }
    Logger log = LoggerFactory.getLogger(Main.class);
    if (config.cursorSecretGenerated()) {
      log.warn("CURSOR_SECRET is not set: cursors are signed with a random key and die on restart");
    }
    KairosServer server;
    try {
      server = KairosServer.start(config, Clock.systemUTC());
    } catch (RuntimeException e) {
      log.error("the server could not start", e);
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shutdown"));
  }
}
