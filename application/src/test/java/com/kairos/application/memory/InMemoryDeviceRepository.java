package com.kairos.application.memory;

import com.kairos.application.port.DeviceRepository;
import com.kairos.domain.common.UserId;
import com.kairos.domain.device.Device;
import com.kairos.domain.device.InstallationId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@link DeviceRepository} over an {@link InMemoryStore}, with the PostgreSQL rules. */
public final class InMemoryDeviceRepository implements DeviceRepository {
  private static final Comparator<InMemoryStore.StoredDevice> RECENT_FIRST =
      Comparator.comparing((InMemoryStore.StoredDevice d) -> d.device().lastSeenAt())
          .thenComparing(InMemoryStore.StoredDevice::id)
          .reversed();

  private final InMemoryStore store;

  public InMemoryDeviceRepository(InMemoryStore store) {
    this.store = store;
  }

  @Override
  public Registered register(Device device) {
    store.requireTransaction();
    Optional<InMemoryStore.StoredDevice> existing = find(device.owner(), device.installationId());
    // The token leaves whichever other device held it, with that device's waiting pushes.
    store.devices.values().stream()
        .filter(d -> d.device().pushToken().equals(device.pushToken()))
        .filter(d -> existing.map(e -> e.id() != d.id()).orElse(true))
        .map(InMemoryStore.StoredDevice::id)
        .toList()
        .forEach(this::drop);
    if (existing.isPresent()) {
      Device stored =
          new Device(
              device.owner(),
              device.installationId(),
              device.pushToken(),
              device.platform(),
              device.appVersion(),
              device.locale(),
              existing.get().device().createdAt(),
              device.lastSeenAt());
      store.devices.put(
          existing.get().id(), new InMemoryStore.StoredDevice(existing.get().id(), stored));
      return new Registered(stored, false);
    }
    long id = ++store.sequence;
    store.devices.put(id, new InMemoryStore.StoredDevice(id, device));
    List<InMemoryStore.StoredDevice> mine = owned(device.owner());
    for (InMemoryStore.StoredDevice extra :
        mine.subList(Math.min(mine.size(), Device.MAX_PER_USER), mine.size())) {
      if (extra.id() != id) {
        drop(extra.id());
      }
    }
    return new Registered(device, true);
  }

  @Override
  public List<Device> listFor(UserId owner) {
    store.requireTransaction();
    return owned(owner).stream().map(InMemoryStore.StoredDevice::device).toList();
  }

  @Override
  public boolean remove(UserId owner, InstallationId installationId) {
    store.requireTransaction();
    Optional<InMemoryStore.StoredDevice> existing = find(owner, installationId);
    existing.ifPresent(d -> drop(d.id()));
    return existing.isPresent();
  }

  @Override
  public int removeAllFor(UserId owner) {
    store.requireTransaction();
    List<InMemoryStore.StoredDevice> mine = owned(owner);
    mine.forEach(d -> drop(d.id()));
    return mine.size();
  }

  private List<InMemoryStore.StoredDevice> owned(UserId owner) {
    return store.devices.values().stream()
        .filter(d -> d.device().owner().equals(owner))
        .sorted(RECENT_FIRST)
        .toList();
  }

  private Optional<InMemoryStore.StoredDevice> find(UserId owner, InstallationId installationId) {
    return store.devices.values().stream()
        .filter(d -> d.device().owner().equals(owner))
        .filter(d -> d.device().installationId().equals(installationId))
        .findFirst();
  }

  /** Removes a device and, as the foreign key's cascade does, every push row for it. */
  void drop(long deviceId) {
    store.devices.remove(deviceId);
    store.outbox.values().removeIf(row -> row.deviceId() == deviceId);
  }
}
