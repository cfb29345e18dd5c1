package com.kairos.http.event;

import com.kairos.application.UseCases;
import com.kairos.http.json.RequestSchemas;
import com.kairos.http.route.Envelope;
import com.kairos.http.route.Routes;

/** The calendar-event endpoints. */
public final class EventRoutes {
  private EventRoutes() {}

  /** Declares the routes of the calendar-event use cases. */
  public static void declare(
      Routes routes, UseCases useCases, RequestSchemas schemas, Envelope envelope) {
    EventHandlers h =
        new EventHandlers(
            useCases.getEvent(),
            useCases.listEvents(),
            useCases.listUpcomingEvents(),
            useCases.createEvent(),
            schemas,
            envelope);
    routes.tag("events");
    routes
        .get("/events/upcoming")
        .operation("listUpcomingEvents")
        .summary("My upcoming confirmed events")
        .description("The caller's confirmed events that have not started yet, earliest first.")
        .responds(200, "Event[]", "CountMeta")
        .query("after", "limit")
        .errors(400, 401)
        .handler(h::upcoming);
    routes
        .get("/events")
        .operation("listEvents")
        .summary("List my events")
        .description("The caller's events, newest updated_at first, with cursor paging.")
        .responds(200, "Event[]", "ListMeta")
        .query("status", "updated_after", "limit", "cursor")
        .errors(400, 401)
        .handler(h::list);
    routes
        .get("/events/{id}")
        .operation("getEvent")
        .summary("Read one event")
        .description("One of the caller's events.")
        .responds(200, "Event")
        .errors(400, 401, 403, 404, 429)
        .handler(h::get);
    routes
        .post("/events")
        .operation("createEvent")
        .summary("Create a manual event")
        .description("Creates a manual event.")
        .body("create-event.json")
        .responds(201, "Event")
        .errors(400, 401, 409, 413, 415, 422)
        .handler(h::create);
  }
}
