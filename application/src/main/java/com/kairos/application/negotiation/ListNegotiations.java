package com.kairos.application.negotiation;

import com.kairos.application.cursor.CursorCodec;
import com.kairos.application.paging.Page;
import com.kairos.application.paging.PageRequest;
import com.kairos.application.port.Keyset;
import com.kairos.application.port.NegotiationQueries;
import com.kairos.application.port.NegotiationQuery;
import com.kairos.application.port.Transactions;
import com.kairos.domain.common.Timestamps;
import com.kairos.domain.common.UserId;
import com.kairos.domain.negotiation.NegotiationSummary;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The negotiations a caller takes part in, newest change first, keyset-paginated: a page never
 * repeats an item, and every item that did not change while paging is returned once.
 */
public final class ListNegotiations {
  private final Transactions transactions;
  private final NegotiationQueries negotiations;
  private final CursorCodec cursors;
  private final Clock clock;

  public ListNegotiations(
      Transactions transactions,
      NegotiationQueries negotiations,
      CursorCodec cursors,
      Clock clock) {
    this.transactions = transactions;
    this.negotiations = negotiations;
    this.cursors = cursors;
    this.clock = clock;
  }

  public Page<NegotiationSummary> list(UserId caller, NegotiationFilter filter, PageRequest page) {
    Instant now = Timestamps.now(clock);
    String binding = "negotiations|" + caller + "|" + filter.binding();
    Keyset after = page.cursor() == null ? null : cursors.decode(page.cursor(), binding, now);
    NegotiationQuery query =
        new NegotiationQuery(
            filter.states(), filter.role(), filter.awaitingMe(), filter.updatedAfter(), after);
    List<NegotiationSummary> rows =
        transactions.inTransaction(
            () -> negotiations.listFor(caller, query, now, page.limit() + 1));
    return cursors
        .page(rows, page.limit(), s -> new Keyset(s.updatedAt(), s.id().value()), binding, now)
        .map(s -> s.asOf(now));
  }
}
