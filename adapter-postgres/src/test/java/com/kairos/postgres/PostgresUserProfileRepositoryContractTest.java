package com.kairos.postgres;

import com.kairos.application.contract.PortsUnderTest;
import com.kairos.application.contract.UserProfileRepositoryContract;

/** The UserProfileRepository contract, against PostgreSQL. */
class PostgresUserProfileRepositoryContractTest extends UserProfileRepositoryContract {
  @Override
  protected PortsUnderTest ports() {
    return PostgresPorts.shared();
  }
}
