package com.kairos.application.contract;

/** The EventRepository contract, against the in-memory implementation. */
class InMemoryEventRepositoryContractTest extends EventRepositoryContract {
  @Override
  protected PortsUnderTest ports() {
    return new InMemoryPorts();
  }
}
