package com.kairos.http.negotiation;

import com.kairos.application.UseCases;
import com.kairos.http.json.RequestSchemas;
import com.kairos.http.route.Envelope;
import com.kairos.http.route.Route;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.function.Consumer;

/** The negotiation endpoints. */
public final class NegotiationRoutes {
  private NegotiationRoutes() {}

  /**
   * The routes of the negotiation use cases; {@code lifecycle} counts started, replied and
   * finalized negotiations.
   */
  public static List<Route> of(
      UseCases useCases, RequestSchemas schemas, Envelope envelope, Consumer<String> lifecycle) {
    NegotiationHandlers h =
        new NegotiationHandlers(
            useCases.startNegotiation(),
            useCases.replyToNegotiation(),
            useCases.sendNegotiation(),
            useCases.cancelNegotiation(),
            useCases.getNegotiation(),
            useCases.listNegotiations(),
            schemas,
            envelope,
            lifecycle);
    List<Integer> write = List.of(400, 401, 403, 404, 409, 413, 415, 422, 429);
    List<Integer> read = List.of(400, 401, 403, 404, 429);
    return List.of(
        new Route(
            HandlerType.POST,
            "/negotiate/start",
            h::start,
            true,
            "Start a negotiation",
            "start-negotiation.json",
            201,
            "Negotiation",
            "Meta",
            List.of(),
            List.of(400, 401, 409, 413, 415, 422)),
        new Route(
            HandlerType.POST,
            "/negotiate/reply",
            h::reply,
            true,
            "Accept, decline or counter-propose",
            "reply-negotiation.json",
            200,
            "Negotiation",
            "Meta",
            List.of(),
            write),
        new Route(
            HandlerType.POST,
            "/negotiate/send",
            h::send,
            true,
            "Send a draft",
            "negotiation-action.json",
            200,
            "Negotiation",
            "Meta",
            List.of(),
            write),
        new Route(
            HandlerType.POST,
            "/negotiate/cancel",
            h::cancel,
            true,
            "Cancel a negotiation",
            "negotiation-action.json",
            200,
            "Negotiation",
            "Meta",
            List.of(),
            write),
        new Route(
            HandlerType.GET,
            "/negotiations",
            h::list,
            true,
            "List my negotiations",
            null,
            200,
            "NegotiationSummary[]",
            "ListMeta",
            List.of("state", "role", "awaiting_me", "updated_after", "limit", "cursor"),
            List.of(400, 401)),
        new Route(
            HandlerType.GET,
            "/negotiations/{id}",
            h::get,
            true,
            "Read one negotiation",
            null,
            200,
            "Negotiation",
            "Meta",
            List.of(),
            read));
  }
}
