package com.kairos.application.negotiation;

import com.kairos.application.port.NegotiationStore;
import com.kairos.application.port.Transactions;
import com.kairos.application.port.UserDirectory;
import com.kairos.domain.common.DuplicateId;
import com.kairos.domain.common.IdGenerator;
import com.kairos.domain.common.ResourceType;
import com.kairos.domain.common.Timestamps;
import com.kairos.domain.common.UserId;
import com.kairos.domain.common.ValidationFailure;
import com.kairos.domain.negotiation.Negotiation;
import com.kairos.domain.negotiation.StartCommand;
import com.kairos.domain.negotiation.Transition;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a negotiation. An id already taken is a conflict, except for the owner re-sending the very
 * same request (an offline retry), which gets the stored negotiation back. Every invitee must be a
 * user the identity provider knows; that is asked before the transaction opens, so no database
 * connection waits on it.
 */
public final class StartNegotiation {
  private static final Logger LOG = LoggerFactory.getLogger(StartNegotiation.class);

  /** The negotiation as it reads now; {@code replayed} when this was a retry of a stored start. */
  public record Result(Negotiation negotiation, boolean replayed) {}

  private final Transactions transactions;
  private final NegotiationStore negotiations;
  private final TransitionRecorder recorder;
  private final UserDirectory users;
  private final IdGenerator ids;
  private final Clock clock;

  public StartNegotiation(
      Transactions transactions,
      NegotiationStore negotiations,
      TransitionRecorder recorder,
      UserDirectory users,
      IdGenerator ids,
      Clock clock) {
    this.transactions = transactions;
    this.negotiations = negotiations;
    this.recorder = recorder;
    this.users = users;
    this.ids = ids;
    this.clock = clock;
  }

  public Result start(UserId owner, StartCommand command) {
    requireKnownInvitees(owner, command.participantIds());
    return transactions.inTransaction(
        () -> {
          Instant now = Timestamps.now(clock);
          Optional<Negotiation> existing = negotiations.findById(command.id());
          if (existing.isPresent()) {
            // Only a retry needs the fingerprint here; a new start computes it once, in the domain.
            if (existing.get().wasStartedBy(owner, command.fingerprint())) {
              return new Result(existing.get().asOf(now), true);
            }
            throw new DuplicateId(ResourceType.NEGOTIATION, command.id().toString());
          }
          Transition started = Negotiation.start(command, owner, now, ids);
          recorder.record(started, now);
          LOG.info(
              "negotiation started id={} state={} participants={}",
              command.id(),
              started.negotiation().state(),
              started.negotiation().participantCount());
          return new Result(started.negotiation(), false);
        });
  }

  /** Refuses the first invitee no user has (an email address, say) as an unknown participant. */
  private void requireKnownInvitees(UserId owner, List<UserId> participants) {
    List<UserId> invitees = participants.stream().filter(p -> !p.equals(owner)).toList();
    if (invitees.isEmpty()) {
      return; // the domain refuses it (no invitees)
    }
    Set<UserId> unknown = users.unknown(invitees);
    for (int i = 0; i < participants.size(); i++) {
      if (unknown.contains(participants.get(i))) {
        throw new ValidationFailure(
            "participantIds[" + i + "]",
            ValidationFailure.Reason.UNKNOWN_PARTICIPANT,
            "is not a known user");
      }
    }
  }
}
