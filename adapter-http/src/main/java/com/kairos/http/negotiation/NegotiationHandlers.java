package com.kairos.http.negotiation;

import com.fasterxml.jackson.databind.JsonNode;
import com.kairos.application.negotiation.CancelNegotiation;
import com.kairos.application.negotiation.GetNegotiation;
import com.kairos.application.negotiation.ListNegotiations;
import com.kairos.application.negotiation.NegotiationFilter;
import com.kairos.application.negotiation.ReplyToNegotiation;
import com.kairos.application.negotiation.SendNegotiation;
import com.kairos.application.negotiation.StartNegotiation;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.negotiation.Negotiation;
import com.kairos.domain.negotiation.NegotiationState;
import com.kairos.domain.negotiation.ParticipantRole;
import com.kairos.domain.negotiation.TransitionResult;
import com.kairos.http.json.Json;
import com.kairos.http.json.RequestSchemas;
import com.kairos.http.route.Caller;
import com.kairos.http.route.Envelope;
import com.kairos.http.route.QueryParams;
import io.javalin.http.Context;
import java.util.function.Consumer;

/** Handlers of the negotiation endpoints; each delegates to one use case. */
final class NegotiationHandlers {
  private final StartNegotiation start;
  private final ReplyToNegotiation reply;
  private final SendNegotiation send;
  private final CancelNegotiation cancel;
  private final GetNegotiation get;
  private final ListNegotiations list;
  private final RequestSchemas schemas;
  private final Envelope envelope;
  private final Consumer<String> lifecycle;

  NegotiationHandlers(
      StartNegotiation start,
      ReplyToNegotiation reply,
      SendNegotiation send,
      CancelNegotiation cancel,
      GetNegotiation get,
      ListNegotiations list,
      RequestSchemas schemas,
      Envelope envelope,
      Consumer<String> lifecycle) {
    this.start = start;
    this.reply = reply;
    this.send = send;
    this.cancel = cancel;
    this.get = get;
    this.list = list;
    this.schemas = schemas;
    this.envelope = envelope;
    this.lifecycle = lifecycle;
  }

  void start(Context ctx) {
    JsonNode body = body(ctx, "start-negotiation.json");
    StartNegotiation.Result result =
        start.start(Caller.of(ctx).userId(), NegotiationRequests.startCommand(body));
    if (result.replayed()) {
      ctx.header("Idempotent-Replayed", "true");
    } else {
      lifecycle.accept("started");
    }
    respond(ctx, result.replayed() ? 200 : 201, result.negotiation());
  }

  void reply(Context ctx) {
    JsonNode body = body(ctx, "reply-negotiation.json");
    // The command is built once the negotiation is known and the reply id is not a repeat: an
    // unknown negotiation is 404, a repeat 200, whatever the rest of the body says.
    ReplyToNegotiation.Result result =
        reply.reply(
            Caller.of(ctx).userId(),
            NegotiationRequests.negotiationId(body),
            NegotiationRequests.replyId(body),
            () -> NegotiationRequests.replyCommand(body));
    if (result.replayed()) {
      ctx.header("Idempotent-Replayed", "true");
    } else {
      lifecycle.accept("replied");
      if (result.outcome() instanceof TransitionResult.Finalized) {
        lifecycle.accept("finalized");
      }
    }
    respond(ctx, 200, result.negotiation());
  }

  void send(Context ctx) {
    JsonNode body = body(ctx, "negotiation-action.json");
    respond(
        ctx,
        200,
        send.send(
            Caller.of(ctx).userId(),
            NegotiationRequests.negotiationId(body),
            NegotiationRequests.expectedVersion(body)));
  }

  void cancel(Context ctx) {
    JsonNode body = body(ctx, "negotiation-action.json");
    respond(
        ctx,
        200,
        cancel.cancel(
            Caller.of(ctx).userId(),
            NegotiationRequests.negotiationId(body),
            NegotiationRequests.expectedVersion(body)));
  }

  void get(Context ctx) {
    NegotiationId id = new NegotiationId(QueryParams.pathUuid(ctx, "id"));
    Negotiation negotiation = get.get(Caller.of(ctx).userId(), id);
    String etag = etag(negotiation);
    if (etag.equals(ctx.header("If-None-Match"))) {
      ctx.header("ETag", etag).status(304);
      return;
    }
    respond(ctx, 200, negotiation);
  }

  void list(Context ctx) {
    NegotiationFilter filter =
        new NegotiationFilter(
            QueryParams.listOf(ctx, "state", NegotiationState.class),
            QueryParams.oneOf(ctx, "role", ParticipantRole.class),
            QueryParams.flag(ctx, "awaiting_me"),
            QueryParams.timestamp(ctx, "updated_after"));
    envelope.page(
        ctx,
        list.list(Caller.of(ctx).userId(), filter, QueryParams.page(ctx)),
        NegotiationJson.Summary::of);
  }

  private JsonNode body(Context ctx, String schema) {
    JsonNode body = Json.parseObject(ctx.bodyAsBytes());
    schemas.validate(schema, body);
    return body;
  }

  private void respond(Context ctx, int status, Negotiation negotiation) {
    ctx.header("ETag", etag(negotiation));
    envelope.ok(ctx, status, NegotiationJson.Resource.of(negotiation));
  }

  private static String etag(Negotiation negotiation) {
    return "\"" + negotiation.version() + "\"";
  }
}
