package com.kairos.application.port;

import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.ReplyId;
import com.kairos.domain.common.UserId;
import com.kairos.domain.negotiation.Activity;
import com.kairos.domain.negotiation.Negotiation;
import com.kairos.domain.negotiation.NegotiationSummary;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Outbound port: where negotiations and their history live. Every method runs inside the caller's
 * transaction. Writes that lose a race throw {@link
 * com.kairos.domain.common.ConcurrentModification}, which makes the transaction retry.
 */
public interface NegotiationRepository {

  Optional<Negotiation> findById(NegotiationId id);

  /** As {@link #findById}, holding a write lock on the negotiation until the transaction ends. */
  Optional<Negotiation> findByIdForUpdate(NegotiationId id);

  /** Stores a new negotiation and its first history line. */
  void insert(Negotiation negotiation, Activity activity);

  /** Stores the next version (the stored one must be {@code version - 1}) and its history line. */
  void update(Negotiation negotiation, Activity activity);

  /** Whether {@code actor} already made the reply {@code replyId} on this negotiation. */
  boolean replyRecorded(NegotiationId id, UserId actor, ReplyId replyId);

  /** The history of one negotiation, oldest first. */
  List<Activity> history(NegotiationId id);

  /**
   * Up to {@code limit} history lines of one negotiation with a version above {@code afterVersion},
   * oldest first.
   */
  List<Activity> activity(NegotiationId id, long afterVersion, int limit);

  /**
   * Up to {@code limit} history lines {@code actor} wrote, in any negotiation, ordered by
   * negotiation id (unsigned, as PostgreSQL orders uuids) then version, strictly after {@code
   * after} (from the first when null). For the export.
   */
  List<Activity> authoredBy(UserId actor, ActivityPosition after, int limit);

  /**
   * Every negotiation {@code user} takes part in, as owner or invitee, drafts of others included,
   * by id. For account deletion, which must reach all of them.
   */
  List<NegotiationId> idsInvolving(UserId user);

  /**
   * Up to {@code limit} whole negotiations {@code user} takes part in and may see (drafts only if
   * they own them), by id (unsigned), strictly after {@code after} (from the first when null), as
   * stored (read them {@link Negotiation#asOf} now). For the export, page by page.
   */
  List<Negotiation> visibleTo(UserId user, NegotiationId after, int limit);

  /**
   * Up to {@code limit} summaries of negotiations {@code user} takes part in and may see (drafts
   * only if they own them), newest {@code updatedAt} first, ties by the larger id first.
   */
  List<NegotiationSummary> listFor(UserId user, NegotiationQuery query, Instant now, int limit);

  /**
   * Persists up to {@code batchSize} due expiries (open negotiations with {@code expiresAt <=
   * now}), skipping any another sweeper holds. Returns the ones this call expired.
   */
  List<NegotiationId> expireDue(Instant now, int batchSize);
}
