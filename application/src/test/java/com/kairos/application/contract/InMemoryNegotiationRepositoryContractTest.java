package com.kairos.application.contract;

/** The NegotiationRepository contract, against the in-memory implementation. */
class InMemoryNegotiationRepositoryContractTest extends NegotiationRepositoryContract {
  @Override
  protected PortsUnderTest ports() {
    return new InMemoryPorts();
  }
}
