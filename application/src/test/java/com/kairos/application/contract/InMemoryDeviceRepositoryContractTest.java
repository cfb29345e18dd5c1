package com.kairos.application.contract;

/** The DeviceRepository contract, against the in-memory implementation. */
class InMemoryDeviceRepositoryContractTest extends DeviceRepositoryContract {
  @Override
  protected PortsUnderTest ports() {
    return new InMemoryPorts();
  }
}
