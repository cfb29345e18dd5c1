package com.kairos.application.contract;

import com.kairos.application.port.EventRepository;
import com.kairos.application.port.NegotiationRepository;
import com.kairos.application.port.Transactions;
import com.kairos.application.port.UserProfileRepository;

/** One implementation of the persistence ports, emptied before every contract test. */
public interface PortsUnderTest {
  Transactions transactions();

  NegotiationRepository negotiations();

  EventRepository events();

  UserProfileRepository profiles();

  /** Removes every stored row. */
  void reset();
}
