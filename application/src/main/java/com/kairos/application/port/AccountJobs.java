package com.kairos.application.port;

import com.kairos.domain.common.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Outbound port: work an account deletion leaves for an external system (deleting the identity
 * provider's account), as a transactional outbox. {@link #enqueue} runs inside the deletion's
 * transaction, so the job exists exactly when the deletion committed; the other methods serve a
 * dispatcher that may run in several instances: a claimed job is invisible to every other claim
 * until its lease ends, and a job whose claimer died simply falls due again. A job is retried until
 * it is done.
 */
public interface AccountJobs {

  /** What a job does. */
  enum Kind {
    /** Delete the identity provider's account of this user (one already gone counts as done). */
    DELETE_IDENTITY_ACCOUNT
  }

  /**
   * One claimed job; {@code attempts} counts its claims, this one included, and {@code createdAt}
   * is when the deletion was made.
   */
  record Job(long id, Kind kind, UserId user, Instant createdAt, int attempts) {
    public Job {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(createdAt, "createdAt");
    }
  }

  /** Queues a job for {@code user}, due at once. */
  void enqueue(Kind kind, UserId user, Instant at);

  /**
   * Claims up to {@code limit} jobs due at {@code now} that no lease holds, oldest due first,
   * leased for {@code lease}.
   */
  List<Job> claim(Instant now, Duration lease, int limit);

  /** The claimed job succeeded: it is kept as done until purged. */
  void complete(long id, Instant now);

  /**
   * The claimed job failed and is due again at {@code dueAt}; {@code reason} is a provider error
   * code, never a token or a body.
   */
  void retry(long id, Instant dueAt, String reason);

  /** When the next pending job falls due, if any is pending. */
  Optional<Instant> nextDue();

  /** How many jobs are not done. */
  long pending();

  /** Deletes jobs done before {@code before}; returns how many. */
  int purge(Instant before);
}
