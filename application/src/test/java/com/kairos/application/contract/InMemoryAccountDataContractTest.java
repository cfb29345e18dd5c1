package com.kairos.application.contract;

/** The account data contract, against the in-memory implementations. */
class InMemoryAccountDataContractTest extends AccountDataContract {
  @Override
  protected PortsUnderTest ports() {
    return new InMemoryPorts();
  }
}
