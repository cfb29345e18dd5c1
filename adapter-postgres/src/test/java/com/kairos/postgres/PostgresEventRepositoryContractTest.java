package com.kairos.postgres;

import com.kairos.application.contract.EventRepositoryContract;
import com.kairos.application.contract.PortsUnderTest;

/** The EventRepository contract, against PostgreSQL. */
class PostgresEventRepositoryContractTest extends EventRepositoryContract {
  @Override
  protected PortsUnderTest ports() {
    return PostgresPorts.shared();
  }
}
