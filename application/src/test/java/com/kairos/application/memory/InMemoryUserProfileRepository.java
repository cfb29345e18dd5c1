package com.kairos.application.memory;

import com.kairos.application.port.UserProfileRepository;
import com.kairos.domain.common.ConcurrentModification;
import com.kairos.domain.common.UserId;
import com.kairos.domain.user.UserProfile;
import java.util.Optional;

/** {@link UserProfileRepository} over an {@link InMemoryStore}. */
public final class InMemoryUserProfileRepository implements UserProfileRepository {
  private final InMemoryStore store;

  public InMemoryUserProfileRepository(InMemoryStore store) {
    this.store = store;
  }

  @Override
  public Optional<UserProfile> findByUid(UserId uid) {
    store.requireTransaction();
    return Optional.ofNullable(store.profiles.get(uid));
  }

  @Override
  public void insert(UserProfile profile) {
    store.requireTransaction();
    if (store.profiles.putIfAbsent(profile.userId(), profile) != null) {
      throw new ConcurrentModification("profile already stored");
    }
  }

  @Override
  public void update(UserProfile profile) {
    store.requireTransaction();
    if (store.profiles.replace(profile.userId(), profile) == null) {
      throw new ConcurrentModification("profile vanished");
    }
  }

  @Override
  public boolean delete(UserId uid) {
    store.requireTransaction();
    return store.profiles.remove(uid) != null;
  }
}
