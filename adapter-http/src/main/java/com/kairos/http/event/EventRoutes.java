package com.kairos.http.event;

import com.kairos.application.UseCases;
import com.kairos.http.json.RequestSchemas;
import com.kairos.http.route.Envelope;
import com.kairos.http.route.Route;
import io.javalin.http.HandlerType;
import java.util.List;

/** The event endpoints. */
public final class EventRoutes {
  private EventRoutes() {}

  /** The routes of the calendar-event use cases. */
  public static List<Route> of(UseCases useCases, RequestSchemas schemas, Envelope envelope) {
    EventHandlers h =
        new EventHandlers(
            useCases.getEvent(),
            useCases.listEvents(),
            useCases.listUpcomingEvents(),
            useCases.createEvent(),
            schemas,
            envelope);
    List<Integer> read = List.of(400, 401, 403, 404, 429);
    return List.of(
        new Route(
            HandlerType.GET,
            "/events/upcoming",
            h::upcoming,
            true,
            "My upcoming confirmed events",
            null,
            200,
            "Event[]",
            "CountMeta",
            List.of("after", "limit"),
            List.of(400, 401)),
        new Route(
            HandlerType.GET,
            "/events",
            h::list,
            true,
            "List my events",
            null,
            200,
            "Event[]",
            "ListMeta",
            List.of("status", "updated_after", "limit", "cursor"),
            List.of(400, 401)),
        new Route(
            HandlerType.GET,
            "/events/{id}",
            h::get,
            true,
            "Read one event",
            null,
            200,
            "Event",
            "Meta",
            List.of(),
            read),
        new Route(
            HandlerType.POST,
            "/events",
            h::create,
            true,
            "Create a manual event",
            "create-event.json",
            201,
            "Event",
            "Meta",
            List.of(),
            List.of(400, 401, 409, 413, 415, 422)));
  }
}
