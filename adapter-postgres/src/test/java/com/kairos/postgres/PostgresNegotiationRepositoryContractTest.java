package com.kairos.postgres;

import com.kairos.application.contract.NegotiationRepositoryContract;
import com.kairos.application.contract.PortsUnderTest;

/** The NegotiationRepository contract, against PostgreSQL. */
class PostgresNegotiationRepositoryContractTest extends NegotiationRepositoryContract {
  @Override
  protected PortsUnderTest ports() {
    return PostgresPorts.shared();
  }
}
