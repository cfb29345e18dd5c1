package com.kairos.application.device;

import com.kairos.application.port.DeviceRepository;
import com.kairos.application.port.Transactions;
import com.kairos.domain.common.UserId;
import com.kairos.domain.device.InstallationId;

/**
 * Removes one installation of the caller; idempotent: another user's installation is simply absent
 * for the caller.
 */
public final class RemoveDevice {
  private final Transactions transactions;
  private final DeviceRepository devices;

  public RemoveDevice(Transactions transactions, DeviceRepository devices) {
    this.transactions = transactions;
    this.devices = devices;
  }

  public boolean remove(UserId owner, InstallationId installationId) {
    return transactions.inTransaction(() -> devices.remove(owner, installationId));
  }
}
