package com.kairos.application.user;

import com.kairos.application.port.Transactions;
import com.kairos.application.port.UserProfileRepository;
import com.kairos.application.port.VerifiedIdentity;
import com.kairos.domain.common.IdGenerator;
import com.kairos.domain.common.Timestamps;
import com.kairos.domain.user.UserProfile;
import java.time.Clock;

/**
 * Returns the caller's profile, creating it on first sight from the token's name and the first
 * {@code Accept-Language} tag. Two first requests racing both get the one stored profile.
 */
public final class GetProfile {
  private final Transactions transactions;
  private final UserProfileRepository profiles;
  private final IdGenerator ids;
  private final Clock clock;

  public GetProfile(
      Transactions transactions, UserProfileRepository profiles, IdGenerator ids, Clock clock) {
    this.transactions = transactions;
    this.profiles = profiles;
    this.ids = ids;
    this.clock = clock;
  }

  /** {@code languageTag} is the first tag of Accept-Language, or null. */
  public UserProfile getOrCreate(VerifiedIdentity caller, String languageTag) {
    return transactions.inTransaction(() -> findOrCreate(caller, languageTag));
  }

  UserProfile findOrCreate(VerifiedIdentity caller, String languageTag) {
    return profiles
        .findByUid(caller.userId())
        .orElseGet(
            () -> {
              UserProfile created =
                  UserProfile.firstSight(
                      ids.newId(),
                      caller.userId(),
                      caller.name(),
                      languageTag,
                      Timestamps.now(clock));
              profiles.insert(created);
              return created;
            });
  }
}
