package com.kairos.postgres;

import com.kairos.application.contract.PortsUnderTest;
import com.kairos.application.contract.TransactionsContract;

/** The Transactions contract, against PostgreSQL. */
class PostgresTransactionsContractTest extends TransactionsContract {
  @Override
  protected PortsUnderTest ports() {
    return PostgresPorts.shared();
  }
}
