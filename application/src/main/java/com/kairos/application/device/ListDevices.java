package com.kairos.application.device;

import com.kairos.application.port.DeviceRepository;
import com.kairos.application.port.Transactions;
import com.kairos.domain.common.UserId;
import com.kairos.domain.device.Device;
import java.util.List;

/** Lists the caller's devices, most recently seen first. */
public final class ListDevices {
  private final Transactions transactions;
  private final DeviceRepository devices;

  public ListDevices(Transactions transactions, DeviceRepository devices) {
    this.transactions = transactions;
    this.devices = devices;
  }

  public List<Device> list(UserId owner) {
    return transactions.reading(() -> devices.listFor(owner));
  }
}
