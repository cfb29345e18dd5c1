package com.kairos.application.contract;

/** The Transactions contract, against the in-memory implementation. */
class InMemoryTransactionsContractTest extends TransactionsContract {
  @Override
  protected PortsUnderTest ports() {
    return new InMemoryPorts();
  }
}
