package com.kairos.application.port;

import com.kairos.domain.common.UserId;
import java.util.Collection;
import java.util.Set;

/**
 * Outbound port: which user ids the identity provider (Firebase Authentication) knows. Existence
 * only; nothing else about a user is asked or kept.
 */
public interface UserDirectory {

  /**
   * The ids among {@code ids} that no user has; empty when every one exists.
   *
   * @throws DependencyUnavailable when the identity provider cannot be asked
   */
  Set<UserId> unknown(Collection<UserId> ids);

  /** A directory that knows everyone: the check is off ({@code PARTICIPANT_CHECK=off}). */
  static UserDirectory unchecked() {
    return ids -> Set.of();
  }
}
