package com.kairos.application.contract;

import static com.kairos.domain.testing.Fixtures.ALICE;
import static com.kairos.domain.testing.Fixtures.BOB;
import static com.kairos.domain.testing.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.kairos.application.port.DeviceRepository.Registered;
import com.kairos.domain.common.UserId;
import com.kairos.domain.device.Device;
import com.kairos.domain.device.InstallationId;
import com.kairos.domain.device.Platform;
import com.kairos.domain.device.PushToken;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link com.kairos.application.port.DeviceRepository} must do (notifications.md). */
public abstract class DeviceRepositoryContract extends ContractTest {

  static InstallationId installation(int n) {
    return new InstallationId(new UUID(0x4000L, n));
  }

  static Device device(UserId owner, int installation, String token, Instant seen) {
    return new Device(
        owner,
        installation(installation),
        new PushToken(token),
        Platform.IOS,
        "1.2.3",
        "en-GB",
        seen,
        seen);
  }

  private Registered register(Device d) {
    return tx(() -> ports.devices().register(d));
  }

  @Test
  void aNewInstallationIsCreatedAndReadsBackEqual() {
    Device d = device(ALICE, 1, "tok:en_1.a-b", NOW);

    assertThat(register(d)).isEqualTo(new Registered(d, true));
    assertThat(tx(() -> ports.devices().listFor(ALICE))).containsExactly(d);
    assertThat(tx(() -> ports.devices().listFor(BOB))).isEmpty();
  }

  @Test
  void registeringAgainChangesOnlyWhatWasSentAndKeepsTheCreationTime() {
    register(device(ALICE, 1, "token-1", NOW));
    Instant later = NOW.plusSeconds(60);
    Device again =
        new Device(
            ALICE,
            installation(1),
            new PushToken("token-2"),
            Platform.ANDROID,
            null,
            null,
            later,
            later);

    Registered r = register(again);

    Device expected =
        new Device(
            ALICE,
            installation(1),
            new PushToken("token-2"),
            Platform.ANDROID,
            null,
            null,
            NOW,
            later);
    assertThat(r).isEqualTo(new Registered(expected, false));
    assertThat(tx(() -> ports.devices().listFor(ALICE))).containsExactly(expected);
  }

  @Test
  void aTokenRegisteredByAnotherUserMovesAndTheOldDeviceIsGone() {
    register(device(ALICE, 1, "shared-token", NOW));
    register(device(ALICE, 2, "alice-other", NOW));

    Device bobs = device(BOB, 1, "shared-token", NOW.plusSeconds(5));
    assertThat(register(bobs).created()).isTrue();

    assertThat(tx(() -> ports.devices().listFor(ALICE)))
        .extracting(d -> d.pushToken().value())
        .containsExactly("alice-other");
    assertThat(tx(() -> ports.devices().listFor(BOB))).containsExactly(bobs);
  }

  @Test
  void aTokenMovesBetweenInstallationsOfOneUser() {
    register(device(ALICE, 1, "moving-token", NOW));
    register(device(ALICE, 2, "moving-token", NOW.plusSeconds(1)));

    assertThat(tx(() -> ports.devices().listFor(ALICE)))
        .extracting(Device::installationId)
        .containsExactly(installation(2));
  }

  @Test
  void theTwentyFirstDeviceEvictsTheOneSeenLeastRecently() {
    for (int i = 0; i < Device.MAX_PER_USER; i++) {
      // installation 7 is the stalest; the others are seen in order
      Instant seen = i == 7 ? NOW.minusSeconds(3600) : NOW.plusSeconds(i);
      register(device(ALICE, i, "t-" + i, seen));
    }
    register(device(BOB, 99, "bobs", NOW.minusSeconds(99_999)));

    Registered r = register(device(ALICE, 100, "t-100", NOW.plusSeconds(100)));

    assertThat(r.created()).isTrue();
    assertThat(tx(() -> ports.devices().listFor(ALICE)))
        .hasSize(Device.MAX_PER_USER)
        .extracting(Device::installationId)
        .doesNotContain(installation(7))
        .startsWith(installation(100), installation(19));
    assertThat(tx(() -> ports.devices().listFor(BOB))).hasSize(1);
  }

  @Test
  void refreshingAnExistingDeviceNeverEvicts() {
    for (int i = 0; i < Device.MAX_PER_USER; i++) {
      register(device(ALICE, i, "t-" + i, NOW.plusSeconds(i)));
    }
    register(device(ALICE, 0, "t-0", NOW.plusSeconds(500)));

    assertThat(tx(() -> ports.devices().listFor(ALICE)))
        .hasSize(Device.MAX_PER_USER)
        .first()
        .extracting(Device::installationId)
        .isEqualTo(installation(0));
  }

  @Test
  void listsMostRecentlySeenFirst() {
    register(device(ALICE, 1, "a", NOW.plusSeconds(1)));
    register(device(ALICE, 2, "b", NOW.plusSeconds(3)));
    register(device(ALICE, 3, "c", NOW.plusSeconds(2)));

    assertThat(tx(() -> ports.devices().listFor(ALICE)))
        .extracting(Device::installationId)
        .containsExactly(installation(2), installation(3), installation(1));
  }

  @Test
  void removingIsIdempotentAndAnotherUsersInstallationIsAbsent() {
    register(device(ALICE, 1, "alice-1", NOW));

    assertThat(tx(() -> ports.devices().remove(BOB, installation(1)))).isFalse();
    assertThat(tx(() -> ports.devices().listFor(ALICE))).hasSize(1);
    assertThat(tx(() -> ports.devices().remove(ALICE, installation(1)))).isTrue();
    assertThat(tx(() -> ports.devices().remove(ALICE, installation(1)))).isFalse();
    assertThat(tx(() -> ports.devices().listFor(ALICE))).isEmpty();
  }
}
