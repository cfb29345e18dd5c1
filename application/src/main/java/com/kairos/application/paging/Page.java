package com.kairos.application.paging;

import java.util.List;

/** One page of a cursor-paginated listing; {@code nextCursor} is null on the last page. */
public record Page<T>(List<T> items, int limit, String nextCursor) {
  public Page {
    items = List.copyOf(items);
  }

  /** The same page with every item transformed. */
  public <R> Page<R> map(java.util.function.Function<T, R> mapper) {
    return new Page<>(items.stream().map(mapper).toList(), limit, nextCursor);
  }

  public boolean hasMore() {
    return nextCursor != null;
  }
}
