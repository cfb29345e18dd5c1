package com.kairos.application.paging;

import com.kairos.domain.common.ValidationFailure;

/** Page size and position of a listing request; {@code cursor} is null for the first page. */
public record PageRequest(int limit, String cursor) {
  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 100;

  public PageRequest {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new ValidationFailure(
          "limit", ValidationFailure.Reason.OUT_OF_RANGE, "must be between 1 and 100");
    }
  }

  public static PageRequest first(int limit) {
    return new PageRequest(limit, null);
  }
}
