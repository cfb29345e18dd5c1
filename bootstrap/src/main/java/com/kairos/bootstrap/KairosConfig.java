package com.kairos.bootstrap;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The server's configuration, read from environment variables and validated as a whole: every
 * problem is reported at once, by variable name, and no value is ever echoed (some are secrets).
 */
public record KairosConfig(
    Environment environment,
    String host,
    int port,
    String logLevel,
    String logFormat,
    String databaseUrl,
    boolean databaseSsl,
    int databasePoolMin,
    int databasePoolMax,
    boolean migrateOnStart,
    String firebaseProjectId,
    String firebaseClientEmail,
    String firebasePrivateKey,
    String firebaseAuthEmulatorHost,
    boolean firebaseCheckRevoked,
    Path firebaseTestCertificates,
    byte[] cursorSecret,
    boolean cursorSecretGenerated,
    List<String> corsAllowedOrigins,
    String requestIdHeader,
    boolean featureMetrics,
    boolean featureAgentMode,
    boolean featureDebugResponses,
    int expirySweepIntervalSeconds,
    Path dataDir,
    RateLimitSettings rateLimits,
    CapacityConfig capacity,
    boolean participantCheck,
    PushConfig push,
    PlatformConfig platform) {

  /** Requests per minute and where the buckets live. */
  public record RateLimitSettings(
      long global, long perUser, long perUserWrite, long anonymous, long burst, boolean shared) {}

  /** Where the server runs; production is strict. */
  public enum Environment {
    DEVELOPMENT,
    STAGING,
    PRODUCTION
  }

  private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9-]{1,64}");
  private static final Set<String> LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");

  /** Reads and validates {@code env}; throws {@link ConfigException} naming every problem. */
  public static KairosConfig from(Map<String, String> env) {
    EnvReader r = new EnvReader(env);
    Environment environment = r.oneOf("KAIROS_ENV", Environment.class, Environment.DEVELOPMENT);
    boolean production = environment == Environment.PRODUCTION;
    String host = r.text("HOST", "0.0.0.0");
    int port = r.integer("PORT", 8080, 0, 65535);
    String logLevel = r.text("LOG_LEVEL", "INFO").toUpperCase(Locale.ROOT);
    if (!LEVELS.contains(logLevel)) {
      r.problem("LOG_LEVEL must be one of TRACE, DEBUG, INFO, WARN, ERROR");
    }
    String logFormat = r.text("LOG_FORMAT", "json");
    if (!logFormat.equals("json") && !logFormat.equals("text")) {
      r.problem("LOG_FORMAT must be json or text");
    }
    String databaseUrl = r.optional("DATABASE_URL");
    if (databaseUrl != null
        && !databaseUrl.startsWith("postgres://")
        && !databaseUrl.startsWith("postgresql://")
        && !databaseUrl.startsWith("jdbc:postgresql://")) {
      r.problem("DATABASE_URL must start with postgres:// or jdbc:postgresql://");
    }
    if (production && databaseUrl == null) {
      r.problem("DATABASE_URL is required in production");
    }
    boolean databaseSsl = r.bool("DATABASE_SSL", production);
    int poolMin = r.integer("DATABASE_POOL_MIN", 2, 0, 500);
    int poolMax = r.integer("DATABASE_POOL_MAX", 10, 1, 500);
    if (poolMin > poolMax) {
      r.problem("DATABASE_POOL_MIN must not exceed DATABASE_POOL_MAX");
    }
    boolean migrate = r.bool("MIGRATE_ON_START", true);
    String projectId = r.optional("FIREBASE_PROJECT_ID");
    if (projectId == null) {
      if (production) {
        r.problem("FIREBASE_PROJECT_ID is required in production");
      }
      projectId = "demo-kairos";
    }
    String clientEmail = r.optional("FIREBASE_CLIENT_EMAIL");
    String privateKey = r.optional("FIREBASE_PRIVATE_KEY");
    if ((clientEmail == null) != (privateKey == null)) {
      r.problem("FIREBASE_CLIENT_EMAIL and FIREBASE_PRIVATE_KEY are set together or not at all");
    }
    if (privateKey != null && !privateKey.contains("PRIVATE KEY")) {
      r.problem("FIREBASE_PRIVATE_KEY must be a PEM private key (\\n-escaped)");
    }
    String emulator = r.optional("FIREBASE_AUTH_EMULATOR_HOST");
    if (production && emulator != null) {
      r.problem("FIREBASE_AUTH_EMULATOR_HOST must not be set in production");
    }
    boolean checkRevoked = r.bool("FIREBASE_CHECK_REVOKED", false);
    String certificates = r.optional("FIREBASE_TEST_CERTIFICATES");
    if (production && certificates != null) {
      r.problem("FIREBASE_TEST_CERTIFICATES must not be set in production");
    }
    if (certificates != null && emulator != null) {
      r.problem("FIREBASE_TEST_CERTIFICATES and FIREBASE_AUTH_EMULATOR_HOST exclude each other");
    }
    String secret = r.optional("CURSOR_SECRET");
    byte[] cursorSecret;
    boolean generated = false;
    if (secret == null) {
      if (production) {
        r.problem("CURSOR_SECRET is required in production");
      }
      cursorSecret = new byte[32];
      new SecureRandom().nextBytes(cursorSecret);
      generated = true;
    } else {
      cursorSecret = secret.getBytes(StandardCharsets.UTF_8);
      if (cursorSecret.length < 32) {
        r.problem("CURSOR_SECRET must be at least 32 bytes long");
      }
    }
    List<String> origins = r.list("CORS_ALLOWED_ORIGINS");
    for (String origin : origins) {
      if (!origin.matches("https?://[^/\\s]+")) {
        r.problem("CORS_ALLOWED_ORIGINS must list origins such as https://app.example.com");
        break;
      }
    }
    String requestIdHeader = r.text("REQUEST_ID_HEADER", "X-Request-Id");
    if (!HEADER_NAME.matcher(requestIdHeader).matches()) {
      r.problem("REQUEST_ID_HEADER must be an HTTP header name");
    }
    boolean metrics = r.bool("FEATURE_METRICS", !production);
    boolean agentMode = r.bool("FEATURE_AGENT_MODE", true);
    boolean debug = r.bool("FEATURE_DEBUG_RESPONSES", false);
    if (production && debug) {
      r.problem("FEATURE_DEBUG_RESPONSES must not be enabled in production");
    }
    int sweep = r.integer("EXPIRY_SWEEP_INTERVAL_SECONDS", 60, 1, 86_400);
    Path dataDir = Path.of(r.text("KAIROS_DATA_DIR", ".kairos"));
    String store = r.text("RATE_LIMIT_STORE", "memory");
    int perUser = r.integer("RATE_LIMIT_PER_USER", 300, 1, 1_000_000);
    RateLimitSettings limits =
        new RateLimitSettings(
            r.integer("RATE_LIMIT_GLOBAL", 6000, 1, 100_000_000),
            perUser,
            r.integer("RATE_LIMIT_PER_USER_WRITE", Math.max(1, perUser / 5), 1, 1_000_000),
            r.integer("RATE_LIMIT_ANONYMOUS", 30, 1, 1_000_000),
            r.integer("RATE_LIMIT_BURST", 30, 1, 1_000_000),
            "postgres".equals(store));
    if (!store.equals("memory") && !store.equals("postgres")) {
      r.problem("RATE_LIMIT_STORE must be memory or postgres");
    }
    CapacityConfig capacity = CapacityConfig.read(r, poolMax);
    boolean participantCheck =
        participantCheck(r, emulator != null || (clientEmail != null && privateKey != null));
    PushConfig push = PushConfig.read(r, production);
    PlatformConfig platform = PlatformConfig.read(r, env);
    r.done();
    return new KairosConfig(
        environment,
        host,
        port,
        logLevel,
        logFormat,
        databaseUrl,
        databaseSsl,
        poolMin,
        poolMax,
        migrate,
        projectId,
        clientEmail,
        privateKey,
        emulator,
        checkRevoked,
        certificates == null ? null : Path.of(certificates),
        cursorSecret,
        generated,
        origins,
        requestIdHeader,
        metrics,
        agentMode,
        debug,
        sweep,
        dataDir,
        limits,
        capacity,
        participantCheck,
        push,
        platform);
  }

  /**
   * {@code PARTICIPANT_CHECK}: {@code firebase} (look every invitee up in Firebase Auth) or {@code
   * off}. Firebase needs a service account for it, so the default is {@code firebase} only when
   * there is one or the Auth Emulator is used.
   */
  private static boolean participantCheck(EnvReader r, boolean canAskFirebase) {
    String value = r.text("PARTICIPANT_CHECK", canAskFirebase ? "firebase" : "off");
    if (!value.equals("firebase") && !value.equals("off")) {
      r.problem("PARTICIPANT_CHECK must be firebase or off");
      return false;
    }
    if (value.equals("firebase") && !canAskFirebase) {
      r.problem(
          "PARTICIPANT_CHECK=firebase needs FIREBASE_CLIENT_EMAIL and FIREBASE_PRIVATE_KEY"
              + " (or FIREBASE_AUTH_EMULATOR_HOST in development)");
    }
    return value.equals("firebase");
  }

  public boolean isProduction() {
    return environment == Environment.PRODUCTION;
  }

  /** Safe to log: no secret, no password. */
  @Override
  public String toString() {
    return "KairosConfig[env="
        + environment.name().toLowerCase(Locale.ROOT)
        + ", host="
        + host
        + ", port="
        + port
        + ", database="
        + (databaseUrl == null ? "embedded" : "external")
        + ", firebaseProject="
        + firebaseProjectId
        + ", emulator="
        + (firebaseAuthEmulatorHost != null)
        + ", sweepEvery="
        + expirySweepIntervalSeconds
        + "s, push="
        + push.provider().name().toLowerCase(Locale.ROOT)
        + "]";
  }

  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
