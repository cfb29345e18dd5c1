package com.kairos.postgres;

import com.kairos.application.contract.AccountDataContract;
import com.kairos.application.contract.PortsUnderTest;

/** The account data contract, against PostgreSQL. */
class PostgresAccountDataContractTest extends AccountDataContract {
  @Override
  protected PortsUnderTest ports() {
    return PostgresPorts.shared();
  }
}
