package com.kairos.application.testing;

import com.kairos.application.UseCases;
import com.kairos.application.cursor.CursorCodec;
import com.kairos.application.memory.InMemoryAccountJobs;
import com.kairos.application.memory.InMemoryDeletedAccounts;
import com.kairos.application.memory.InMemoryDeviceRepository;
import com.kairos.application.memory.InMemoryEventRepository;
import com.kairos.application.memory.InMemoryNegotiationRepository;
import com.kairos.application.memory.InMemoryPushOutbox;
import com.kairos.application.memory.InMemoryStore;
import com.kairos.application.memory.InMemoryTransactions;
import com.kairos.application.memory.InMemoryUserDirectory;
import com.kairos.application.memory.InMemoryUserProfileRepository;
import com.kairos.domain.testing.Fixtures;
import com.kairos.domain.testing.SequentialIds;
import java.nio.charset.StandardCharsets;

/** Every use case wired over the in-memory ports, a hand-moved clock and deterministic ids. */
public final class InMemoryBackend {
  public static final byte[] CURSOR_SECRET =
      "test-cursor-secret-of-at-least-32-bytes".getBytes(StandardCharsets.UTF_8);

  public final InMemoryStore store = new InMemoryStore();
  public final InMemoryTransactions transactions = new InMemoryTransactions(store);
  public final InMemoryNegotiationRepository negotiations =
      new InMemoryNegotiationRepository(store);
  public final InMemoryEventRepository events = new InMemoryEventRepository(store);
  public final InMemoryUserProfileRepository profiles = new InMemoryUserProfileRepository(store);
  public final MutableClock clock = new MutableClock(Fixtures.NOW);
  public final SequentialIds ids = new SequentialIds(42);
  public final CursorCodec cursors = new CursorCodec(CURSOR_SECRET);
  public final InMemoryUserDirectory users = new InMemoryUserDirectory();
  public final InMemoryDeviceRepository devices = new InMemoryDeviceRepository(store);
  public final InMemoryPushOutbox outbox = new InMemoryPushOutbox(store);
  public final InMemoryDeletedAccounts deletions = new InMemoryDeletedAccounts(store);
  public final InMemoryAccountJobs jobs = new InMemoryAccountJobs(store);
  public final UseCases useCases =
      UseCases.create(
          new UseCases.Ports(
              transactions,
              negotiations,
              negotiations,
              negotiations,
              negotiations,
              events,
              profiles,
              users,
              devices,
              outbox,
              deletions,
              jobs),
          ids,
          cursors,
          clock);
}
