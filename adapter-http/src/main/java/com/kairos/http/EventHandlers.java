package com.kairos.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.kairos.application.event.CreateEvent;
import com.kairos.application.event.EventFilter;
import com.kairos.application.event.GetEvent;
import com.kairos.application.event.ListEvents;
import com.kairos.application.event.ListUpcomingEvents;
import com.kairos.domain.common.EventId;
import com.kairos.domain.event.EventStatus;
import io.javalin.http.Context;

/** Handlers of the calendar-event endpoints. */
final class EventHandlers {
  private final GetEvent get;
  private final ListEvents list;
  private final ListUpcomingEvents upcoming;
  private final CreateEvent create;
  private final RequestSchemas schemas;
  private final Envelope envelope;

  EventHandlers(
      GetEvent get,
      ListEvents list,
      ListUpcomingEvents upcoming,
      CreateEvent create,
      RequestSchemas schemas,
      Envelope envelope) {
    this.get = get;
    this.list = list;
    this.upcoming = upcoming;
    this.create = create;
    this.schemas = schemas;
    this.envelope = envelope;
  }

  void get(Context ctx) {
    EventId id = new EventId(QueryParams.pathUuid(ctx, "id"));
    envelope.ok(ctx, 200, ResponseJson.EventJson.of(get.get(Caller.of(ctx).userId(), id)));
  }

  void list(Context ctx) {
    EventFilter filter =
        new EventFilter(
            QueryParams.oneOf(ctx, "status", EventStatus.class),
            QueryParams.timestamp(ctx, "updated_after"));
    envelope.page(
        ctx,
        list.list(Caller.of(ctx).userId(), filter, QueryParams.page(ctx)),
        ResponseJson.EventJson::of);
  }

  void upcoming(Context ctx) {
    envelope.counted(
        ctx,
        upcoming
            .upcoming(
                Caller.of(ctx).userId(),
                QueryParams.timestamp(ctx, "after"),
                QueryParams.limit(ctx))
            .stream()
            .map(ResponseJson.EventJson::of)
            .toList());
  }

  void create(Context ctx) {
    JsonNode body = Json.parseObject(ctx.bodyAsBytes());
    schemas.validate("create-event.json", body);
    envelope.ok(
        ctx,
        201,
        ResponseJson.EventJson.of(
            create.create(Caller.of(ctx).userId(), RequestJson.createEventCommand(body))));
  }
}
