package com.kairos.application.contract;

/** The UserProfileRepository contract, against the in-memory implementation. */
class InMemoryUserProfileRepositoryContractTest extends UserProfileRepositoryContract {
  @Override
  protected PortsUnderTest ports() {
    return new InMemoryPorts();
  }
}
