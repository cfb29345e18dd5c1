package com.kairos.application.port;

import com.kairos.domain.common.UserId;
import com.kairos.domain.user.UserProfile;
import java.util.Optional;

/** Outbound port: user profiles keyed by user id. Runs inside the caller's transaction. */
public interface UserProfileRepository {

  Optional<UserProfile> findByUid(UserId uid);

  /** Stores a new profile; a UID already present throws a concurrent modification (retry). */
  void insert(UserProfile profile);

  void update(UserProfile profile);

  /** Deletes the profile of {@code uid}; returns whether there was one. */
  boolean delete(UserId uid);
}
