package com.kairos.postgres;

import com.kairos.application.contract.DeviceRepositoryContract;
import com.kairos.application.contract.PortsUnderTest;

/** The DeviceRepository contract, against PostgreSQL. */
class PostgresDeviceRepositoryContractTest extends DeviceRepositoryContract {
  @Override
  protected PortsUnderTest ports() {
    return PostgresPorts.shared();
  }
}
