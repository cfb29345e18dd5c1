package com.kairos.application.contract;

import com.kairos.application.memory.InMemoryDeviceRepository;
import com.kairos.application.memory.InMemoryEventRepository;
import com.kairos.application.memory.InMemoryNegotiationRepository;
import com.kairos.application.memory.InMemoryPushOutbox;
import com.kairos.application.memory.InMemoryStore;
import com.kairos.application.memory.InMemoryTransactions;
import com.kairos.application.memory.InMemoryUserProfileRepository;
import com.kairos.application.port.DeviceRepository;
import com.kairos.application.port.EventRepository;
import com.kairos.application.port.NegotiationHistory;
import com.kairos.application.port.NegotiationQueries;
import com.kairos.application.port.NegotiationStore;
import com.kairos.application.port.NegotiationSweep;
import com.kairos.application.port.PushOutbox;
import com.kairos.application.port.Transactions;
import com.kairos.application.port.UserProfileRepository;

/** The in-memory ports, fresh for every test. */
final class InMemoryPorts implements PortsUnderTest {
  private final InMemoryStore store = new InMemoryStore();

  @Override
  public Transactions transactions() {
    return new InMemoryTransactions(store);
  }

  @Override
  public NegotiationStore negotiations() {
    return new InMemoryNegotiationRepository(store);
  }

  @Override
  public NegotiationHistory history() {
    return new InMemoryNegotiationRepository(store);
  }

  @Override
  public NegotiationQueries queries() {
    return new InMemoryNegotiationRepository(store);
  }

  @Override
  public NegotiationSweep sweep() {
    return new InMemoryNegotiationRepository(store);
  }

  @Override
  public EventRepository events() {
    return new InMemoryEventRepository(store);
  }

  @Override
  public UserProfileRepository profiles() {
    return new InMemoryUserProfileRepository(store);
  }

  @Override
  public DeviceRepository devices() {
    return new InMemoryDeviceRepository(store);
  }

  @Override
  public PushOutbox outbox() {
    return new InMemoryPushOutbox(store);
  }

  @Override
  public com.kairos.application.port.DeletedAccounts deletions() {
    return new com.kairos.application.memory.InMemoryDeletedAccounts(store);
  }

  @Override
  public com.kairos.application.port.AccountJobs jobs() {
    return new com.kairos.application.memory.InMemoryAccountJobs(store);
  }

  /** The store behind these ports, for tests that look at it directly. */
  InMemoryStore store() {
    return store;
  }

  @Override
  public void reset() {
    // a new store per instance is already empty
  }
}
