package com.kairos.application.memory;

import com.kairos.application.port.DependencyUnavailable;
import com.kairos.application.port.UserDirectory;
import com.kairos.domain.common.UserId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The identity provider's user list for tests: knows everyone until told which users exist, records
 * what it was asked, and can be made unreachable.
 */
public final class InMemoryUserDirectory implements UserDirectory {
  private Set<UserId> known;
  private boolean reachable = true;
  private final List<List<UserId>> asked = new ArrayList<>();

  /** From now on only these users exist. */
  public synchronized InMemoryUserDirectory onlyKnows(UserId... users) {
    known = new HashSet<>(List.of(users));
    return this;
  }

  /** From now on every question fails as if Firebase did not answer. */
  public synchronized void becomeUnreachable() {
    reachable = false;
  }

  /** Every question asked so far, in order. */
  public synchronized List<List<UserId>> asked() {
    return List.copyOf(asked);
  }

  @Override
  public synchronized Set<UserId> unknown(Collection<UserId> ids) {
    asked.add(List.copyOf(ids));
    if (!reachable) {
      throw new DependencyUnavailable("firebase", "the user directory did not answer");
    }
    Set<UserId> unknown = new LinkedHashSet<>();
    if (known != null) {
      ids.stream().filter(id -> !known.contains(id)).forEach(unknown::add);
    }
    return unknown;
  }
}
