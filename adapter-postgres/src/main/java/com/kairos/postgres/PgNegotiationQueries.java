package com.kairos.postgres;

import com.kairos.application.port.NegotiationQueries;
import com.kairos.application.port.NegotiationQuery;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.UserId;
import com.kairos.domain.negotiation.Negotiation;
import com.kairos.domain.negotiation.NegotiationSummary;
import java.time.Instant;
import java.util.List;

/** The negotiations one user takes part in, on PostgreSQL: lists, export pages, deletion. */
final class PgNegotiationQueries implements NegotiationQueries {
  private final CurrentHandle current;

  PgNegotiationQueries(CurrentHandle current) {
    this.current = current;
  }

  @Override
  public List<NegotiationId> idsInvolving(UserId user) {
    return current
        .get()
        .createQuery(
            "SELECT negotiation_id FROM participants WHERE user_id = :user"
                + " ORDER BY negotiation_id")
        .bind("user", user.value())
        .map((rs, ctx) -> new NegotiationId(Sql.uuid(rs, "negotiation_id")))
        .list();
  }

  @Override
  public List<Negotiation> visibleTo(UserId user, NegotiationId after, int limit) {
    return NegotiationLoader.visibleTo(current.get(), user, after, limit);
  }

  @Override
  public List<NegotiationSummary> listFor(UserId user, NegotiationQuery q, Instant now, int limit) {
    return NegotiationListQuery.run(current.get(), user, q, now, limit);
  }
}
