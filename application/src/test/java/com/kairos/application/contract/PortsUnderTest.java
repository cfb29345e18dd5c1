package com.kairos.application.contract;

import com.kairos.application.port.DeviceRepository;
import com.kairos.application.port.EventRepository;
import com.kairos.application.port.NegotiationHistory;
import com.kairos.application.port.NegotiationQueries;
import com.kairos.application.port.NegotiationStore;
import com.kairos.application.port.NegotiationSweep;
import com.kairos.application.port.PushOutbox;
import com.kairos.application.port.Transactions;
import com.kairos.application.port.UserProfileRepository;

/** One implementation of the persistence ports, emptied before every contract test. */
public interface PortsUnderTest {
  Transactions transactions();

  NegotiationStore negotiations();

  NegotiationHistory history();

  NegotiationQueries queries();

  NegotiationSweep sweep();

  EventRepository events();

  UserProfileRepository profiles();

  DeviceRepository devices();

  PushOutbox outbox();

  com.kairos.application.port.DeletedAccounts deletions();

  com.kairos.application.port.AccountJobs jobs();

  /** Every port as the use cases take them, participant ids unchecked. */
  default com.kairos.application.UseCases.Ports all() {
    return new com.kairos.application.UseCases.Ports(
        transactions(),
        negotiations(),
        history(),
        queries(),
        sweep(),
        events(),
        profiles(),
        com.kairos.application.port.UserDirectory.unchecked(),
        devices(),
        outbox(),
        deletions(),
        jobs());
  }

  /** Removes every stored row. */
  void reset();
}
