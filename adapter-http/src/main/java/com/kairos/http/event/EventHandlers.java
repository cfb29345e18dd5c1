package com.kairos.http.event;

import static com.kairos.http.json.BodyFields.blob;
import static com.kairos.http.json.BodyFields.blobVersion;
import static com.kairos.http.json.BodyFields.text;
import static com.kairos.http.json.BodyFields.timestamp;
import static com.kairos.http.json.BodyFields.timezone;
import static com.kairos.http.json.BodyFields.uuid;

import com.fasterxml.jackson.databind.JsonNode;
import com.kairos.application.event.CreateEvent;
import com.kairos.application.event.EventFilter;
import com.kairos.application.event.GetEvent;
import com.kairos.application.event.ListEvents;
import com.kairos.application.event.ListUpcomingEvents;
import com.kairos.domain.common.EventId;
import com.kairos.domain.common.IntentCategory;
import com.kairos.domain.event.CreateEventCommand;
import com.kairos.domain.event.EventStatus;
import com.kairos.http.json.Json;
import com.kairos.http.json.RequestSchemas;
import com.kairos.http.json.WireNames;
import com.kairos.http.route.Caller;
import com.kairos.http.route.Envelope;
import com.kairos.http.route.QueryParams;
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
    envelope.ok(ctx, 200, EventJson.of(get.get(Caller.of(ctx).userId(), id)));
  }

  void list(Context ctx) {
    EventFilter filter =
        new EventFilter(
            QueryParams.oneOf(ctx, "status", EventStatus.class),
            QueryParams.timestamp(ctx, "updated_after"));
    envelope.page(
        ctx, list.list(Caller.of(ctx).userId(), filter, QueryParams.page(ctx)), EventJson::of);
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
            .map(EventJson::of)
            .toList());
  }

  void create(Context ctx) {
    JsonNode body = Json.parseObject(ctx.bodyAsBytes());
    schemas.validate("create-event.json", body);
    envelope.ok(ctx, 201, EventJson.of(create.create(Caller.of(ctx).userId(), command(body))));
  }

  private static CreateEventCommand command(JsonNode body) {
    return new CreateEventCommand(
        new EventId(uuid(body, "id")),
        timestamp(body, "starts_at"),
        timestamp(body, "ends_at"),
        timezone(body, "timezone"),
        body.has("intent_category")
            ? WireNames.parse(
                IntentCategory.class, text(body, "intent_category"), "intent_category")
            : null,
        blob(body, "encrypted_payload"),
        blobVersion(body));
  }
}
