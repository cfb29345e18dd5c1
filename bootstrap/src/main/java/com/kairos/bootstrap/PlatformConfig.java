package com.kairos.bootstrap;

import java.util.Map;
import java.util.TreeMap;

/**
 * How the server fits its platform: {@code DATABASE_POOLER} ({@code none}, or {@code transaction}
 * when PgBouncer or another pooler in transaction mode sits in front of PostgreSQL), {@code
 * DATABASE_LISTEN_URL} (a direct connection for the push dispatcher's LISTEN; without one behind a
 * pooler the dispatcher polls) and the standard {@code OTEL_*} variables of OpenTelemetry.
 */
public record PlatformConfig(
    boolean transactionPooling, String databaseListenUrl, Map<String, String> otel) {

  public PlatformConfig {
    otel = Map.copyOf(otel);
  }

  static PlatformConfig read(EnvReader r, Map<String, String> env) {
    String pooler = r.text("DATABASE_POOLER", "none");
    if (!pooler.equals("none") && !pooler.equals("transaction")) {
      r.problem("DATABASE_POOLER must be none or transaction");
    }
    String listen = r.optional("DATABASE_LISTEN_URL");
    if (listen != null
        && !listen.startsWith("postgres://")
        && !listen.startsWith("postgresql://")
        && !listen.startsWith("jdbc:postgresql://")) {
      r.problem("DATABASE_LISTEN_URL must start with postgres:// or jdbc:postgresql://");
    }
    Map<String, String> otel = new TreeMap<>();
    env.forEach(
        (name, value) -> {
          if (name.startsWith("OTEL_") && value != null && !value.isBlank()) {
            otel.put(name, value.strip());
          }
        });
    return new PlatformConfig(pooler.equals("transaction"), listen, otel);
  }
}
