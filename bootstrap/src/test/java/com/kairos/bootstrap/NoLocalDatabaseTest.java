package com.kairos.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kairos.http.testing.TestIdentityVerifier;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The production build has no embedded database: without DATABASE_URL it says what to set. */
class NoLocalDatabaseTest {

  @Test
  void withoutDatabaseUrlTheProductionBuildNamesTheVariableToSet(@TempDir Path dataDir) {
    assertThat(LocalDatabase.factory()).isEmpty();
    KairosConfig config =
        KairosConfig.from(
            Map.of("PORT", "0", "HOST", "127.0.0.1", "KAIROS_DATA_DIR", dataDir.toString()));

    assertThatThrownBy(
            () -> KairosServer.start(config, Clock.systemUTC(), new TestIdentityVerifier()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("set DATABASE_URL")
        .hasMessageContaining("scripts/dev.sh");
    assertThat(dataDir).isEmptyDirectory();
  }
}
