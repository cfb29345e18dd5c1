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
