package com.kairos.application.device;

import com.kairos.application.port.DeviceRepository;
import com.kairos.application.port.Transactions;
import com.kairos.domain.common.Timestamps;
import com.kairos.domain.common.UserId;
import com.kairos.domain.device.Device;
import com.kairos.domain.device.InstallationId;
import com.kairos.domain.device.Platform;
import com.kairos.domain.device.PushToken;
import java.time.Clock;
import java.time.Instant;

/** Registers or refreshes one installation of the caller. */
public final class RegisterDevice {
  private final Transactions transactions;
  private final DeviceRepository devices;
  private final Clock clock;

  public RegisterDevice(Transactions transactions, DeviceRepository devices, Clock clock) {
    this.transactions = transactions;
    this.devices = devices;
    this.clock = clock;
  }

  /** What the app sends about its installation; {@code appVersion} and {@code locale} optional. */
  public record Registration(
      InstallationId installationId,
      PushToken pushToken,
      Platform platform,
      String appVersion,
      String locale) {}

  public DeviceRepository.Registered register(UserId owner, Registration registration) {
    Instant now = Timestamps.now(clock);
    Device device =
        new Device(
            owner,
            registration.installationId(),
            registration.pushToken(),
            registration.platform(),
            registration.appVersion(),
            registration.locale(),
            now,
            now);
    return transactions.inTransaction(() -> devices.register(device));
  }
}
