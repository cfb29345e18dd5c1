package com.kairos.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.kairos.application.user.GetProfile;
import com.kairos.application.user.UpdateProfile;
import io.javalin.http.Context;

/** Handlers of {@code /me}. */
final class ProfileHandlers {
  private final GetProfile get;
  private final UpdateProfile update;
  private final RequestSchemas schemas;
  private final Envelope envelope;

  ProfileHandlers(GetProfile get, UpdateProfile update, RequestSchemas schemas, Envelope envelope) {
    this.get = get;
    this.update = update;
    this.schemas = schemas;
    this.envelope = envelope;
  }

  void get(Context ctx) {
    envelope.ok(
        ctx,
        200,
        ResponseJson.ProfileJson.of(get.getOrCreate(Caller.of(ctx), firstLanguageTag(ctx))));
  }

  void patch(Context ctx) {
    JsonNode body = Json.parseObject(ctx.bodyAsBytes());
    schemas.validate("patch-me.json", body);
    envelope.ok(
        ctx,
        200,
        ResponseJson.ProfileJson.of(
            update.update(Caller.of(ctx), firstLanguageTag(ctx), RequestJson.profilePatch(body))));
  }

  /** The first tag of Accept-Language ({@code fr-CH, fr;q=0.9} gives {@code fr-CH}), or null. */
  static String firstLanguageTag(Context ctx) {
    String header = ctx.header("Accept-Language");
    if (header == null || header.isBlank()) {
      return null;
    }
    String first = header.split(",", 2)[0].split(";", 2)[0].strip();
    return first.isEmpty() || "*".equals(first) ? null : first;
  }
}
