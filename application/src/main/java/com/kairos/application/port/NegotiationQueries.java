package com.kairos.application.port;

import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.UserId;
import com.kairos.domain.negotiation.Negotiation;
import com.kairos.domain.negotiation.NegotiationSummary;
import java.time.Instant;
import java.util.List;

/** Outbound port: the negotiations one user takes part in, for lists, the export and deletion. */
public interface NegotiationQueries {

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
}
