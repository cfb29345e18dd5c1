package com.kairos.application.user;

import com.kairos.application.port.Transactions;
import com.kairos.application.port.UserProfileRepository;
import com.kairos.application.port.VerifiedIdentity;
import com.kairos.domain.common.Timestamps;
import com.kairos.domain.user.ProfilePatch;
import com.kairos.domain.user.UserProfile;
import java.time.Clock;

/** Applies a profile patch; a caller without a profile yet gets one first. */
public final class UpdateProfile {
  private final Transactions transactions;
  private final UserProfileRepository profiles;
  private final GetProfile getProfile;
  private final Clock clock;

  public UpdateProfile(
      Transactions transactions,
      UserProfileRepository profiles,
      GetProfile getProfile,
      Clock clock) {
    this.transactions = transactions;
    this.profiles = profiles;
    this.getProfile = getProfile;
    this.clock = clock;
  }

  public UserProfile update(VerifiedIdentity caller, String languageTag, ProfilePatch patch) {
    return transactions.inTransaction(
        () -> {
          UserProfile current = getProfile.findOrCreate(caller, languageTag);
          UserProfile next = current.apply(patch, Timestamps.now(clock));
          if (next != current) {
            profiles.update(next);
          }
          return next;
        });
  }
}
