package com.kairos.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KairosConfigTest {
  private static final String SECRET = "s3cr3t-cursor-key-that-is-32-bytes-long!!";
  private static final String PASSWORD = "hunter2-database-password";

  private static Map<String, String> production() {
    Map<String, String> env = new HashMap<>();
    env.put("KAIROS_ENV", "production");
    env.put("DATABASE_URL", "postgres://kairos:" + PASSWORD + "@db.internal:5432/kairos");
    env.put("FIREBASE_PROJECT_ID", "kairos-prod");
    env.put("CURSOR_SECRET", SECRET);
    env.put("PUSH_PROVIDER", "fcm");
    return env;
  }

  @Test
  void developmentNeedsNothing() {
    KairosConfig c = KairosConfig.from(Map.of());
    assertThat(c.environment()).isEqualTo(KairosConfig.Environment.DEVELOPMENT);
    assertThat(c.port()).isEqualTo(8080);
    assertThat(c.databaseUrl()).isNull();
    assertThat(c.dataDir().toString()).isEqualTo(".kairos");
    assertThat(c.cursorSecretGenerated()).isTrue();
    assertThat(c.cursorSecret()).hasSize(32);
    assertThat(c.logFormat()).isEqualTo("json");
    assertThat(c.expirySweepIntervalSeconds()).isEqualTo(60);
    assertThat(c.featureMetrics()).isTrue();
  }

  @Test
  void aCompleteProductionConfigurationIsAccepted() {
    KairosConfig c = KairosConfig.from(production());
    assertThat(c.isProduction()).isTrue();
    assertThat(c.databaseSsl()).isTrue();
    assertThat(c.featureMetrics()).isFalse();
    assertThat(c.toString()).doesNotContain(PASSWORD).doesNotContain(SECRET);
  }

  @Test
  void productionNamesEveryMissingVariableAtOnce() {
    assertThatThrownBy(() -> KairosConfig.from(Map.of("KAIROS_ENV", "production")))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .containsExactlyInAnyOrder(
                        "DATABASE_URL is required in production",
                        "FIREBASE_PROJECT_ID is required in production",
                        "CURSOR_SECRET is required in production",
                        "PUSH_PROVIDER is required in production (fcm, log or none)"));
  }

  @Test
  void productionRefusesTheAuthEmulatorAndTestCertificates() {
    Map<String, String> env = production();
    env.put("FIREBASE_AUTH_EMULATOR_HOST", "localhost:9099");
    env.put("FIREBASE_TEST_CERTIFICATES", "/tmp/certs.json");
    assertThatThrownBy(() -> KairosConfig.from(env))
        .hasMessageContaining("FIREBASE_AUTH_EMULATOR_HOST must not be set in production")
        .hasMessageContaining("FIREBASE_TEST_CERTIFICATES must not be set in production");
  }

  @Test
  void invalidValuesAreNamedButNeverEchoed() {
    Map<String, String> env = production();
    env.put("PORT", "eighty");
    env.put("CURSOR_SECRET", "short-" + "x");
    env.put("DATABASE_URL", "mysql://root:" + PASSWORD + "@db/kairos");
    env.put("LOG_FORMAT", "xml");
    env.put("DATABASE_POOL_MIN", "20");
    env.put("DATABASE_POOL_MAX", "5");
    env.put("FIREBASE_CHECK_REVOKED", "perhaps");
    env.put("EXPIRY_SWEEP_INTERVAL_SECONDS", "0");
    assertThatThrownBy(() -> KairosConfig.from(env))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.problems())
                  .containsExactlyInAnyOrder(
                      "PORT must be an integer from 0 to 65535",
                      "CURSOR_SECRET must be at least 32 bytes long",
                      "DATABASE_URL must start with postgres:// or jdbc:postgresql://",
                      "LOG_FORMAT must be json or text",
                      "DATABASE_POOL_MIN must not exceed DATABASE_POOL_MAX",
                      "FIREBASE_CHECK_REVOKED must be true or false",
                      "EXPIRY_SWEEP_INTERVAL_SECONDS must be an integer from 1 to 86400");
              assertThat(e.getMessage()).doesNotContain(PASSWORD).doesNotContain("short-x");
            });
  }

  @Test
  void rateLimitsDefaultToStricterWritesAndMemoryBuckets() {
    KairosConfig.RateLimitSettings limits = KairosConfig.from(Map.of()).rateLimits();
    assertThat(limits.perUser()).isEqualTo(300);
    assertThat(limits.perUserWrite()).isEqualTo(60).isLessThan(limits.perUser());
    assertThat(limits.shared()).isFalse();
    Map<String, String> env = new HashMap<>();
    env.put("RATE_LIMIT_STORE", "postgres");
    env.put("RATE_LIMIT_PER_USER", "50");
    assertThat(KairosConfig.from(env).rateLimits().shared()).isTrue();
    assertThat(KairosConfig.from(env).rateLimits().perUserWrite()).isEqualTo(10);
    env.put("RATE_LIMIT_STORE", "redis");
    env.put("RATE_LIMIT_BURST", "0");
    assertThatThrownBy(() -> KairosConfig.from(env))
        .hasMessageContaining("RATE_LIMIT_STORE must be memory or postgres")
        .hasMessageContaining("RATE_LIMIT_BURST must be an integer from 1 to 1000000");
  }

  @Test
  void serviceAccountCredentialsComeInPairs() {
    Map<String, String> env = production();
    env.put("FIREBASE_CLIENT_EMAIL", "svc@kairos-prod.iam.gserviceaccount.com");
    assertThatThrownBy(() -> KairosConfig.from(env))
        .hasMessageContaining("FIREBASE_CLIENT_EMAIL and FIREBASE_PRIVATE_KEY are set together");
  }

  @Test
  void pushDefaultsToLogLinesForTwentyFourHoursOutsideProduction() {
    PushConfig push = KairosConfig.from(Map.of()).push();
    assertThat(push)
        .isEqualTo(
            new PushConfig(PushConfig.Provider.LOG, PushConfig.DEFAULT_FCM_API_URL, false, 24));
    assertThat(push.giveUpAfter()).isEqualTo(java.time.Duration.ofHours(24));
    assertThat(KairosConfig.from(production()).push().provider())
        .isEqualTo(PushConfig.Provider.FCM);
  }

  @Test
  void aLocalFakeFcmEndpointIsAcceptedOutsideProductionOnly() {
    PushConfig push =
        KairosConfig.from(
                Map.of(
                    "PUSH_PROVIDER", "FCM",
                    "FCM_API_URL", "http://127.0.0.1:9876/",
                    "PUSH_MAX_ATTEMPTS_HOURS", "2"))
            .push();
    assertThat(push)
        .isEqualTo(
            new PushConfig(
                PushConfig.Provider.FCM, java.net.URI.create("http://127.0.0.1:9876"), true, 2));

    Map<String, String> env = production();
    env.put("FCM_API_URL", "http://127.0.0.1:9876");
    assertThatThrownBy(() -> KairosConfig.from(env))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly("FCM_API_URL must not be set in production"));
  }

  @Test
  void badPushSettingsAreNamed() {
    assertThatThrownBy(
            () ->
                KairosConfig.from(
                    Map.of(
                        "PUSH_PROVIDER", "apns",
                        "FCM_API_URL", "ftp://user:pw@example.com",
                        "PUSH_MAX_ATTEMPTS_HOURS", "0")))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .containsExactlyInAnyOrder(
                        "PUSH_PROVIDER must be one of fcm, log, none",
                        "FCM_API_URL must be an http:// or https:// base URL such as"
                            + " http://localhost:9099",
                        "PUSH_MAX_ATTEMPTS_HOURS must be an integer from 1 to 720"));
  }

  @Test
  void behindAPoolerTheServerIsToldSoAndWhereToListen() {
    Map<String, String> env = production();
    env.put("DATABASE_POOLER", "transaction");
    env.put("DATABASE_LISTEN_URL", "postgres://kairos:" + PASSWORD + "@10.0.0.5:5432/kairos");
    env.put("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318");
    env.put("OTEL_SERVICE_NAME", " ");
    KairosConfig c = KairosConfig.from(env);
    assertThat(c.platform().transactionPooling()).isTrue();
    assertThat(c.platform().databaseListenUrl()).startsWith("postgres://kairos:");
    assertThat(c.platform().otel())
        .containsExactly(Map.entry("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318"));
    assertThat(c.toString()).doesNotContain(PASSWORD);
    assertThat(KairosConfig.from(production()).platform())
        .isEqualTo(new PlatformConfig(false, null, Map.of()));
  }

  @Test
  void aBadPoolerOrListenUrlIsNamed() {
    Map<String, String> env = production();
    env.put("DATABASE_POOLER", "session");
    env.put("DATABASE_LISTEN_URL", "mysql://" + PASSWORD + "@db/kairos");
    assertThatThrownBy(() -> KairosConfig.from(env))
        .hasMessageContaining("DATABASE_POOLER must be none or transaction")
        .hasMessageContaining("DATABASE_LISTEN_URL must start with postgres://")
        .hasMessageNotContaining(PASSWORD);
  }
}
