package com.kairos.postgres;

import static com.kairos.postgres.PgCodes.code;

import com.kairos.application.port.NegotiationSweep;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.negotiation.Expiry;
import com.kairos.domain.negotiation.Negotiation;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The expiry sweep: one statement expiring a batch of due negotiations and logging each, then one
 * loading what it expired (for their notices), whatever the batch's size.
 */
final class ExpirySweep implements NegotiationSweep {
  private final CurrentHandle current;

  ExpirySweep(CurrentHandle current) {
    this.current = current;
  }

  @Override
  public List<Negotiation> expireDue(Instant now, int batchSize) {
    Handle h = current.get();
    return NegotiationLoader.loadAll(h, run(h, now, batchSize));
  }

  /**
   * The states the sweep picks up, written out rather than bound: they must match the predicate of
   * the partial index {@code negotiations_due_for_expiry} for the planner to use it with a generic
   * plan. {@code ExpirySqlContractTest} checks them against {@link Expiry#expiringStates()}.
   */
  static final String DUE_STATES = "('draft', 'active')";

  /**
   * The sweep statement, the one place the expiry rule runs in SQL (the contract suite compares its
   * result with {@link com.kairos.domain.negotiation.Negotiation#expire}); what it writes is bound
   * from {@link Expiry}. Package-visible for the plan and contract tests.
   */
  static final String EXPIRE_SQL =
      "WITH due AS ("
          + "  SELECT id, state FROM negotiations"
          + "  WHERE state IN "
          + DUE_STATES
          + " AND expires_at <= :now"
          + "  ORDER BY expires_at LIMIT :batch FOR UPDATE SKIP LOCKED"
          + "), expired AS ("
          + "  UPDATE negotiations n SET state = :expiredState, cancel_reason = :expiredReason,"
          + "    version = n.version + 1, updated_at = :now, last_actor_id = NULL,"
          + "    last_action = :expireAction"
          + "  FROM due WHERE n.id = due.id"
          + "  RETURNING n.id, n.version, due.state AS from_state"
          + "), touched AS ("
          + "  UPDATE participants p SET negotiation_updated_at = :now"
          + "  FROM expired e WHERE p.negotiation_id = e.id"
          + "), logged AS ("
          + "  INSERT INTO negotiation_activity (negotiation_id, actor_id, action, from_state,"
          + "    to_state, version, at)"
          + "  SELECT id, NULL, :expireAction, from_state, :expiredState, version, :now FROM expired"
          + "  RETURNING negotiation_id"
          + ") SELECT negotiation_id FROM logged"; // every CTE runs to completion, read or not

  static List<NegotiationId> run(Handle h, Instant now, int batchSize) {
    return h.createQuery(EXPIRE_SQL)
        .bind("expiredState", code(Expiry.STATE))
        .bind("expiredReason", code(Expiry.REASON))
        .bind("expireAction", code(Expiry.ACTION))
        .bind("now", Sql.ts(now))
        .bind("batch", batchSize)
        .map((rs, ctx) -> new NegotiationId(Sql.uuid(rs, "negotiation_id")))
        .list();
  }
}
