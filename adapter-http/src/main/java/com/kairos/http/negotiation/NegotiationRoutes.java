package com.kairos.http.negotiation;

import com.kairos.application.UseCases;
import com.kairos.http.json.RequestSchemas;
import com.kairos.http.route.Envelope;
import com.kairos.http.route.Routes;
import java.util.List;
import java.util.function.Consumer;

/** The negotiation endpoints. */
public final class NegotiationRoutes {
  private static final List<Integer> WRITE = List.of(400, 401, 403, 404, 409, 413, 415, 422, 429);

  private NegotiationRoutes() {}

  /**
   * Declares the routes of the negotiation use cases; {@code lifecycle} counts started, replied and
   * finalized negotiations.
   */
  public static void declare(
      Routes routes,
      UseCases useCases,
      RequestSchemas schemas,
      Envelope envelope,
      Consumer<String> lifecycle) {
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
    routes.tag("negotiations");
    routes
        .post("/negotiate/start")
        .operation("startNegotiation")
        .summary("Start a negotiation")
        .description(
            "Starts a negotiation (201). Re-sending the same JSON with the same id is an offline"
                + " retry: 200 with the stored negotiation and Idempotent-Replayed: true.")
        .body("start-negotiation.json")
        .responds(201, "Negotiation")
        .errors(400, 401, 409, 413, 415, 422)
        .handler(h::start);
    routes
        .post("/negotiate/reply")
        .operation("replyToNegotiation")
        .summary("Accept, decline or counter-propose")
        .description(
            "Accepts, declines or counter-proposes; may finalize or cancel the negotiation."
                + " A repeated reply_id returns the current negotiation and changes nothing.")
        .body("reply-negotiation.json")
        .responds(200, "Negotiation")
        .errors(WRITE)
        .handler(h::reply);
    routes
        .post("/negotiate/send")
        .operation("sendNegotiation")
        .summary("Send a draft")
        .description("Sends a draft to its invitees (owner only): draft to active.")
        .body("negotiation-action.json")
        .responds(200, "Negotiation")
        .errors(WRITE)
        .handler(h::send);
    routes
        .post("/negotiate/cancel")
        .operation("cancelNegotiation")
        .summary("Cancel a negotiation")
        .description("Cancels a draft, active or finalized negotiation (owner only).")
        .body("negotiation-action.json")
        .responds(200, "Negotiation")
        .errors(WRITE)
        .handler(h::cancel);
    routes
        .get("/negotiations")
        .operation("listNegotiations")
        .summary("List my negotiations")
        .description("The caller's negotiations, newest updated_at first, with cursor paging.")
        .responds(200, "NegotiationSummary[]", "ListMeta")
        .query("state", "role", "awaiting_me", "updated_after", "limit", "cursor")
        .errors(400, 401)
        .handler(h::list);
    routes
        .get("/negotiations/{id}")
        .operation("getNegotiation")
        .summary("Read one negotiation")
        .description(
            "One negotiation, for its owner or a participant; 304 when If-None-Match matches.")
        .responds(200, "Negotiation")
        .errors(400, 401, 403, 404, 429)
        .handler(h::get);
    ActivityHandler activity = new ActivityHandler(useCases.getActivity(), envelope);
    routes
        .get("/negotiations/{id}/activity")
        .operation("listNegotiationActivity")
        .summary("Read a negotiation's history")
        .description(
            "The negotiation's history, oldest first, for those who may read the negotiation:"
                + " who did what, when, between which states, and the options each start or"
                + " counter introduced. after_version lists only later entries (catching up after"
                + " being offline); cursor paging, 50 entries per page by default. No blob.")
        .responds(200, "ActivityEntry[]", "ListMeta")
        .query("after_version", "limit", "cursor")
        .errors(400, 401, 403, 404, 429)
        .handler(activity::list);
  }
}
