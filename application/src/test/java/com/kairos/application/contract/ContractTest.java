package com.kairos.application.contract;

import com.kairos.application.port.Transactions;
import com.kairos.domain.common.IdGenerator;
import com.kairos.domain.testing.SequentialIds;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;

/** Base of the contract suites: the implementation under test, emptied before each test. */
public abstract class ContractTest {
  protected PortsUnderTest ports;
  protected final IdGenerator ids = new SequentialIds(77);

  /** The implementation to check; called once per test. */
  protected abstract PortsUnderTest ports();

  @BeforeEach
  void resetPorts() {
    ports = ports();
    ports.reset();
  }

  protected <T> T tx(Supplier<T> work) {
    return ports.transactions().inTransaction(work);
  }

  protected void run(Runnable work) {
    ports.transactions().run(work);
  }

  protected Transactions transactions() {
    return ports.transactions();
  }
}
