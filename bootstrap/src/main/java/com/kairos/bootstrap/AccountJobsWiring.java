package com.kairos.bootstrap;

import com.kairos.application.account.ProcessAccountJobs;
import com.kairos.application.port.IdentityAccounts;
import com.kairos.bootstrap.tracing.TracedPorts;
import com.kairos.firebase.FirebaseIdentityAccounts;
import com.kairos.firebase.FirebaseSettings;
import com.kairos.postgres.PostgresAdapter;
import io.opentelemetry.api.trace.Tracer;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

/** The account-jobs processor: Firebase Auth users of deleted accounts deleted, until done. */
final class AccountJobsWiring {
  private AccountJobsWiring() {}

  /** {@code tracer}: when not null, each Firebase call gets a span. */
  static ProcessAccountJobs processor(
      KairosConfig config, PostgresAdapter postgres, Clock clock, Tracer tracer) {
    IdentityAccounts firebase =
        FirebaseIdentityAccounts.create(
            new FirebaseSettings(
                config.firebaseProjectId(),
                config.firebaseClientEmail(),
                config.firebasePrivateKey(),
                false,
                null));
    if (tracer != null) {
      firebase = TracedPorts.accounts(firebase, tracer);
    }
    return new ProcessAccountJobs(
        postgres.transactions(),
        postgres.jobs(),
        firebase,
        clock,
        () -> ThreadLocalRandom.current().nextDouble());
  }
}
