package com.kairos.http.user;

import static com.kairos.http.json.BodyFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.kairos.application.user.GetProfile;
import com.kairos.application.user.UpdateProfile;
import com.kairos.domain.common.AgentMode;
import com.kairos.domain.common.FieldPatch;
import com.kairos.domain.user.ProfilePatch;
import com.kairos.http.json.Json;
import com.kairos.http.json.RequestSchemas;
import com.kairos.http.json.WireNames;
import com.kairos.http.route.Caller;
import com.kairos.http.route.Envelope;
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
    envelope.ok(ctx, 200, ProfileJson.of(get.getOrCreate(Caller.of(ctx), firstLanguageTag(ctx))));
  }

  void patch(Context ctx) {
    JsonNode body = Json.parseObject(ctx.bodyAsBytes());
    schemas.validate("patch-me.json", body);
    envelope.ok(
        ctx,
        200,
        ProfileJson.of(update.update(Caller.of(ctx), firstLanguageTag(ctx), patch(body))));
  }

  private static ProfilePatch patch(JsonNode body) {
    FieldPatch<String> name =
        body.has("display_name")
            ? FieldPatch.set(body.get("display_name").isNull() ? null : text(body, "display_name"))
            : FieldPatch.absent();
    FieldPatch<String> locale =
        body.has("locale") ? FieldPatch.set(text(body, "locale")) : FieldPatch.absent();
    FieldPatch<AgentMode> mode =
        body.has("agent_mode_default")
            ? FieldPatch.set(
                WireNames.parse(
                    AgentMode.class, text(body, "agent_mode_default"), "agent_mode_default"))
            : FieldPatch.absent();
    return new ProfilePatch(name, locale, mode);
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
