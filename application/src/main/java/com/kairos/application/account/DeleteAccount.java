package com.kairos.application.account;

import com.kairos.application.negotiation.TransitionRecorder;
import com.kairos.application.port.AccountJobs;
import com.kairos.application.port.DeletedAccounts;
import com.kairos.application.port.DeviceRepository;
import com.kairos.application.port.EventRepository;
import com.kairos.application.port.NegotiationQueries;
import com.kairos.application.port.NegotiationStore;
import com.kairos.application.port.PushOutbox;
import com.kairos.application.port.Transactions;
import com.kairos.application.port.UserProfileRepository;
import com.kairos.domain.common.IdGenerator;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.Timestamps;
import com.kairos.domain.common.UserId;
import com.kairos.domain.negotiation.Departure;
import com.kairos.domain.negotiation.Negotiation;
import com.kairos.domain.negotiation.Transition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the caller's account at once and for good, in one transaction (accounts.md): every
 * negotiation they take part in goes through {@link Departure} (their own open ones cancelled,
 * others' active ones left with the consensus rule run, their blobs gone everywhere, notices
 * queued), then their events, devices (with the pushes waiting for them) and profile are deleted,
 * the deletion is recorded (their older tokens die) and the identity provider's account's deletion
 * is queued. Nothing is changed unless the caller signed in within {@link #RECENT_LOGIN}.
 */
public final class DeleteAccount {
  /** How recent the caller's sign-in must be. */
  public static final Duration RECENT_LOGIN = Duration.ofMinutes(5);

  private static final Logger LOG = LoggerFactory.getLogger(DeleteAccount.class);

  /** What the deletion did, in counts (for logs and metrics; never content). */
  public record Result(int negotiationsChanged, int eventsDeleted, int devicesRemoved) {}

  /** The ports a deletion touches. */
  public record Ports(
      Transactions transactions,
      NegotiationStore negotiations,
      NegotiationQueries queries,
      EventRepository events,
      UserProfileRepository profiles,
      DeviceRepository devices,
      PushOutbox outbox,
      DeletedAccounts deletions,
      AccountJobs jobs) {}

  /** What the transaction did and when it committed to doing it. */
  private record Deleted(Result result, Instant at) {}

  private final Ports ports;
  private final TransitionRecorder recorder;
  private final RevokedAccounts revoked;
  private final IdGenerator ids;
  private final Clock clock;

  /** {@code revoked} learns of the deletion as soon as it commits. */
  public DeleteAccount(Ports ports, RevokedAccounts revoked, IdGenerator ids, Clock clock) {
    this.ports = ports;
    this.recorder = new TransitionRecorder(ports.negotiations(), ports.events(), ports.outbox());
    this.revoked = revoked;
    this.ids = ids;
    this.clock = clock;
  }

  /**
   * Deletes {@code user}'s account; {@code authTime} is when they last signed in (as their token
   * says).
   *
   * @throws RecentLoginRequired when {@code authTime} is unknown or older than {@link
   *     #RECENT_LOGIN}; nothing is changed
   */
  public Result delete(UserId user, Instant authTime) {
    Instant asked = Timestamps.now(clock);
    if (authTime == null || authTime.isBefore(asked.minus(RECENT_LOGIN))) {
      throw new RecentLoginRequired();
    }
    Deleted deleted = ports.transactions().inTransaction(() -> deleteNow(user));
    // This instance refuses the old tokens at once; the others within a refresh (about a second).
    revoked.note(user, deleted.at());
    Result result = deleted.result();
    LOG.atInfo()
        .addKeyValue("negotiations", result.negotiationsChanged())
        .addKeyValue("events", result.eventsDeleted())
        .addKeyValue("devices", result.devicesRemoved())
        .log("account deleted");
    return result;
  }

  private Deleted deleteNow(UserId user) {
    Instant now = Timestamps.now(clock);
    int changed = 0;
    for (NegotiationId id : ports.queries().idsInvolving(user)) {
      changed += depart(user, id, now);
    }
    int events = ports.events().deleteOwnedBy(user);
    // Last: the pushes queued above for this user go with their devices.
    int devices = ports.devices().removeAllFor(user);
    ports.profiles().delete(user);
    ports.deletions().record(user, now);
    ports.jobs().enqueue(AccountJobs.Kind.DELETE_IDENTITY_ACCOUNT, user, now);
    return new Deleted(new Result(changed, events, devices), now);
  }

  /** Applies the departure from one negotiation; returns 1 if it changed. */
  private int depart(UserId user, NegotiationId id, Instant now) {
    Optional<Negotiation> locked = ports.negotiations().findByIdForUpdate(id);
    if (locked.isEmpty()) {
      return 0;
    }
    List<Transition> steps = Departure.of(locked.get(), user, now, ids);
    steps.forEach(t -> recorder.record(t, now));
    return steps.isEmpty() ? 0 : 1;
  }
}
