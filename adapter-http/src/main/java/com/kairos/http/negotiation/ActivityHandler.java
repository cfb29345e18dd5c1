package com.kairos.http.negotiation;

import com.kairos.application.negotiation.GetActivity;
import com.kairos.domain.common.NegotiationId;
import com.kairos.http.route.Caller;
import com.kairos.http.route.Envelope;
import com.kairos.http.route.QueryParams;
import io.javalin.http.Context;

/** {@code GET /negotiations/{id}/activity}: one page of a negotiation's history, oldest first. */
final class ActivityHandler {
  private final GetActivity activity;
  private final Envelope envelope;

  ActivityHandler(GetActivity activity, Envelope envelope) {
    this.activity = activity;
    this.envelope = envelope;
  }

  void list(Context ctx) {
    NegotiationId id = new NegotiationId(QueryParams.pathUuid(ctx, "id"));
    long afterVersion = QueryParams.nonNegative(ctx, "after_version", 0);
    envelope.page(
        ctx,
        activity.list(
            Caller.of(ctx).userId(),
            id,
            afterVersion,
            QueryParams.page(ctx, GetActivity.DEFAULT_LIMIT)),
        ActivityJson::of);
  }
}
