package com.kairos.postgres;

import com.kairos.application.contract.PortsUnderTest;
import com.kairos.application.contract.PushOutboxContract;

/** The PushOutbox contract, against PostgreSQL. */
class PostgresPushOutboxContractTest extends PushOutboxContract {
  @Override
  protected PortsUnderTest ports() {
    return PostgresPorts.shared();
  }
}
