package com.kairos.application.port;

import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.ReplyId;
import com.kairos.domain.common.UserId;
import com.kairos.domain.negotiation.Activity;
import com.kairos.domain.negotiation.Negotiation;
import java.util.Optional;

/**
 * Outbound port: the negotiations a use case loads and writes. Every method runs inside the
 * caller's transaction. Writes that lose a race throw {@link
 * com.kairos.domain.common.ConcurrentModification}, which makes the transaction retry.
 */
public interface NegotiationStore {

  Optional<Negotiation> findById(NegotiationId id);

  /** As {@link #findById}, holding a write lock on the negotiation until the transaction ends. */
  Optional<Negotiation> findByIdForUpdate(NegotiationId id);

  /** Stores a new negotiation and its first history line. */
  void insert(Negotiation negotiation, Activity activity);

  /** Stores the next version (the stored one must be {@code version - 1}) and its history line. */
  void update(Negotiation negotiation, Activity activity);

  /** Whether {@code actor} already made the reply {@code replyId} on this negotiation. */
  boolean replyRecorded(NegotiationId id, UserId actor, ReplyId replyId);
}
