package com.kairos.application.port;

import com.kairos.domain.common.UserId;
import com.kairos.domain.device.Device;
import com.kairos.domain.device.InstallationId;
import java.util.List;

/**
 * Outbound port: the installations that receive pushes. Every method runs inside the caller's
 * transaction. Removing a device also drops the pushes still waiting for it.
 */
public interface DeviceRepository {

  /** What a registration left stored, and whether the installation was new for its owner. */
  record Registered(Device device, boolean created) {}

  /**
   * Registers {@code device}, or refreshes the owner's installation of that id (keeping its {@code
   * createdAt}). Its push token leaves any other device that held it, and a registration beyond
   * {@link Device#MAX_PER_USER} evicts the owner's device seen least recently.
   */
  Registered register(Device device);

  /** The owner's devices, most recently seen first. */
  List<Device> listFor(UserId owner);

  /** Removes the owner's installation; returns whether there was one. */
  boolean remove(UserId owner, InstallationId installationId);

  /** Removes every device of the owner, and every push waiting for them; returns how many. */
  int removeAllFor(UserId owner);
}
