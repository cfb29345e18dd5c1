package com.kairos.http.user;

import static com.kairos.http.json.BodyFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.kairos.application.device.ListDevices;
import com.kairos.application.device.RegisterDevice;
import com.kairos.application.device.RemoveDevice;
import com.kairos.application.port.DeviceRepository;
import com.kairos.domain.common.Uuids;
import com.kairos.domain.common.ValidationFailure;
import com.kairos.domain.device.InstallationId;
import com.kairos.domain.device.Platform;
import com.kairos.domain.device.PushToken;
import com.kairos.http.json.ApiError;
import com.kairos.http.json.Json;
import com.kairos.http.json.RequestSchemas;
import com.kairos.http.json.WireNames;
import com.kairos.http.route.Caller;
import com.kairos.http.route.Envelope;
import com.kairos.http.route.QueryParams;
import io.javalin.http.Context;

/** Handlers of {@code /me/devices}: the installations that receive the caller's pushes. */
final class DeviceHandlers {
  static final String INSTALLATION_ID = "installation_id";

  private final RegisterDevice register;
  private final ListDevices list;
  private final RemoveDevice remove;
  private final RequestSchemas schemas;
  private final Envelope envelope;

  DeviceHandlers(
      RegisterDevice register,
      ListDevices list,
      RemoveDevice remove,
      RequestSchemas schemas,
      Envelope envelope) {
    this.register = register;
    this.list = list;
    this.remove = remove;
    this.schemas = schemas;
    this.envelope = envelope;
  }

  void put(Context ctx) {
    InstallationId installation = installationId(ctx);
    JsonNode body = Json.parseObject(ctx.bodyAsBytes());
    schemas.validate("put-device.json", body);
    DeviceRepository.Registered registered =
        register.register(
            Caller.of(ctx).userId(),
            new RegisterDevice.Registration(
                installation,
                new PushToken(text(body, "push_token")),
                WireNames.parse(Platform.class, text(body, "platform"), "platform"),
                optional(body, "app_version"),
                optional(body, "locale")));
    envelope.ok(ctx, registered.created() ? 201 : 200, DeviceJson.of(registered.device()));
  }

  void list(Context ctx) {
    envelope.counted(ctx, list.list(Caller.of(ctx).userId()).stream().map(DeviceJson::of).toList());
  }

  void delete(Context ctx) {
    remove.remove(Caller.of(ctx).userId(), installationId(ctx));
    ctx.status(204);
  }

  private static String optional(JsonNode body, String field) {
    JsonNode value = body.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  /** The path's installation id: a version-4 UUID, as the app generates it. */
  private static InstallationId installationId(Context ctx) {
    try {
      return new InstallationId(
          Uuids.requireV4(QueryParams.pathUuid(ctx, INSTALLATION_ID), INSTALLATION_ID));
    } catch (ValidationFailure f) {
      throw ApiError.validation(
          INSTALLATION_ID, "invalid_uuid", "installation_id must be a version 4 UUID");
    }
  }
}
