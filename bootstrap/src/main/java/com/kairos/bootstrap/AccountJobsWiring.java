package com.kairos.bootstrap;

import com.kairos.application.account.ProcessAccountJobs;
import com.kairos.firebase.FirebaseIdentityAccounts;
import com.kairos.firebase.FirebaseSettings;
import com.kairos.postgres.PostgresAdapter;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

/** The account-jobs processor: Firebase Auth users of deleted accounts deleted, until done. */
final class AccountJobsWiring {
  private AccountJobsWiring() {}

  static ProcessAccountJobs processor(KairosConfig config, PostgresAdapter postgres, Clock clock) {
    FirebaseIdentityAccounts firebase =
        FirebaseIdentityAccounts.create(
            new FirebaseSettings(
                config.firebaseProjectId(),
                config.firebaseClientEmail(),
                config.firebasePrivateKey(),
                false,
                null));
    return new ProcessAccountJobs(
        postgres.transactions(),
        postgres.jobs(),
        firebase,
        clock,
        () -> ThreadLocalRandom.current().nextDouble());
  }
}
