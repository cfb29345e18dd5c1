package com.kairos.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** PARTICIPANT_CHECK: on wherever Firebase can be asked, refused where it cannot. */
class ParticipantCheckConfigTest {

  @Test
  void theEmulatorTurnsTheCheckOnByDefault() {
    assertThat(
            KairosConfig.from(Map.of("FIREBASE_AUTH_EMULATOR_HOST", "127.0.0.1:9099"))
                .participantCheck())
        .isTrue();
  }

  @Test
  void withoutAServiceAccountOrEmulatorTheCheckIsOff() {
    assertThat(KairosConfig.from(Map.of()).participantCheck()).isFalse();
  }

  @Test
  void itCanBeTurnedOffExplicitly() {
    assertThat(
            KairosConfig.from(
                    Map.of(
                        "FIREBASE_AUTH_EMULATOR_HOST", "127.0.0.1:9099",
                        "PARTICIPANT_CHECK", "off"))
                .participantCheck())
        .isFalse();
  }

  @Test
  void askingForItWithoutCredentialsOrAnUnknownValueIsRefused() {
    assertThatThrownBy(() -> KairosConfig.from(Map.of("PARTICIPANT_CHECK", "firebase")))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .singleElement()
                    .asString()
                    .contains("FIREBASE_CLIENT_EMAIL"));
    assertThatThrownBy(() -> KairosConfig.from(Map.of("PARTICIPANT_CHECK", "maybe")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("PARTICIPANT_CHECK must be firebase or off");
  }
}
