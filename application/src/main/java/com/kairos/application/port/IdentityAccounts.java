package com.kairos.application.port;

import com.kairos.domain.common.UserId;

/**
 * Outbound port: the identity provider's accounts (Firebase Auth). Called by the account-jobs
 * dispatcher only, never on a request's path; failures are classified, never thrown.
 */
public interface IdentityAccounts {

  /** What became of one deletion; {@code reason} is a provider code, never a token. */
  record Outcome(boolean done, String reason) {
    public static Outcome deleted() {
      return new Outcome(true, null);
    }

    public static Outcome retryLater(String reason) {
      return new Outcome(false, reason);
    }
  }

  /** Deletes the provider's user; one that does not exist counts as deleted. */
  Outcome delete(UserId user);
}
