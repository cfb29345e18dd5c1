package com.kairos.application.contract;

/** The PushOutbox contract, against the in-memory implementation. */
class InMemoryPushOutboxContractTest extends PushOutboxContract {
  @Override
  protected PortsUnderTest ports() {
    return new InMemoryPorts();
  }
}
