package com.kairos.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.kairos.domain.common.AgentMode;
import com.kairos.domain.common.BlobVersion;
import com.kairos.domain.common.EncryptedBlob;
import com.kairos.domain.common.EventId;
import com.kairos.domain.common.FieldPatch;
import com.kairos.domain.common.IntentCategory;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.ReplyId;
import com.kairos.domain.common.SlotId;
import com.kairos.domain.common.TimeZoneId;
import com.kairos.domain.common.UserId;
import com.kairos.domain.common.ValidationFailure;
import com.kairos.domain.common.VenueId;
import com.kairos.domain.event.CreateEventCommand;
import com.kairos.domain.negotiation.NegotiationAction;
import com.kairos.domain.negotiation.NegotiationState;
import com.kairos.domain.negotiation.Reply;
import com.kairos.domain.negotiation.ReplyCommand;
import com.kairos.domain.negotiation.SlotProposal;
import com.kairos.domain.negotiation.StartCommand;
import com.kairos.domain.negotiation.VenueProposal;
import com.kairos.domain.user.ProfilePatch;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Explicit mapping of schema-valid request bodies to domain commands. The schema has already
 * checked shapes and types; rules it cannot see surface here or in the domain as 422s whose field
 * is the full path in the request.
 */
final class RequestJson {
  private RequestJson() {}

  static StartCommand startCommand(JsonNode body) {
    return within(
        "",
        () ->
            new StartCommand(
                new NegotiationId(uuid(body, "id")),
                WireNames.parse(
                    IntentCategory.class, text(body, "intent_category"), "intent_category"),
                userIds(body.get("participant_ids")),
                list(body.get("proposed_slots"), "proposed_slots", RequestJson::slot),
                body.has("proposed_venues")
                    ? list(body.get("proposed_venues"), "proposed_venues", RequestJson::venue)
                    : null,
                body.has("agent_mode")
                    ? WireNames.parse(AgentMode.class, text(body, "agent_mode"), "agent_mode")
                    : null,
                body.has("state")
                    ? WireNames.parse(NegotiationState.class, text(body, "state"), "state")
                    : null,
                timestamp(body, "expires_at"),
                blob(body, "encrypted_payload"),
                blobVersion(body)));
  }

  static ReplyCommand replyCommand(JsonNode body) {
    NegotiationAction action =
        WireNames.parse(NegotiationAction.class, text(body, "action"), "action");
    Reply reply =
        Reply.of(
            action,
            ids(body.get("accepted_slot_ids"), SlotId::new),
            ids(body.get("accepted_venue_ids"), VenueId::new),
            body.has("counter_slots")
                ? list(body.get("counter_slots"), "counter_slots", RequestJson::slot)
                : null,
            body.has("counter_venues")
                ? list(body.get("counter_venues"), "counter_venues", RequestJson::venue)
                : null,
            blob(body, "counter_payload"));
    return new ReplyCommand(
        new NegotiationId(uuid(body, "negotiation_id")),
        reply,
        body.has("reply_id") ? new ReplyId(uuid(body, "reply_id")) : null,
        body.has("expected_version") ? body.get("expected_version").asLong() : null,
        blob(body, "encrypted_payload"),
        body.has("agent_mode")
            ? WireNames.parse(AgentMode.class, text(body, "agent_mode"), "agent_mode")
            : null);
  }

  static CreateEventCommand createEventCommand(JsonNode body) {
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

  static ProfilePatch profilePatch(JsonNode body) {
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

  static NegotiationId negotiationId(JsonNode body) {
    return new NegotiationId(uuid(body, "negotiation_id"));
  }

  static Long expectedVersion(JsonNode body) {
    return body.has("expected_version") ? body.get("expected_version").asLong() : null;
  }

  private static SlotProposal slot(JsonNode slot) {
    return new SlotProposal(
        slot.has("id") ? new SlotId(uuid(slot, "id")) : null,
        timestamp(slot, "starts_at"),
        timestamp(slot, "ends_at"),
        slot.has("duration_minutes") ? slot.get("duration_minutes").asInt() : null,
        timezone(slot, "timezone"));
  }

  private static VenueProposal venue(JsonNode venue) {
    return new VenueProposal(
        venue.has("id") ? new VenueId(uuid(venue, "id")) : null,
        venue.has("name") ? text(venue, "name") : null,
        venue.has("provider_id") ? text(venue, "provider_id") : null,
        venue.has("latitude") ? venue.get("latitude").asDouble() : null,
        venue.has("longitude") ? venue.get("longitude").asDouble() : null);
  }

  private static <T> List<T> list(
      JsonNode array, String field, java.util.function.Function<JsonNode, T> item) {
    List<T> result = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      int index = i;
      result.add(within(field + "[" + index + "]", () -> item.apply(array.get(index))));
    }
    return result;
  }

  private static <T> List<T> ids(JsonNode array, java.util.function.Function<UUID, T> wrap) {
    if (array == null) {
      return null;
    }
    List<T> result = new ArrayList<>();
    array.forEach(n -> result.add(wrap.apply(UUID.fromString(n.asText()))));
    return result;
  }

  private static List<UserId> userIds(JsonNode array) {
    List<UserId> result = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      int index = i;
      result.add(
          within("participant_ids[" + index + "]", () -> new UserId(array.get(index).asText())));
    }
    return result;
  }

  private static String text(JsonNode node, String field) {
    return node.get(field).asText();
  }

  private static UUID uuid(JsonNode node, String field) {
    return UUID.fromString(node.get(field).asText());
  }

  private static Instant timestamp(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null) {
      return null;
    }
    try {
      return com.kairos.domain.common.Timestamps.truncate(
          OffsetDateTime.parse(value.asText()).toInstant());
    } catch (DateTimeParseException e) {
      // The schema's pattern should have caught it; never let a parse failure become a 500.
      throw ApiError.validation(field, "invalid_timestamp", "Not an RFC 3339 timestamp: " + field);
    }
  }

  private static TimeZoneId timezone(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null) {
      return null;
    }
    try {
      return new TimeZoneId(value.asText());
    } catch (ValidationFailure f) {
      throw f.as(field);
    }
  }

  private static EncryptedBlob blob(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null ? null : EncryptedBlob.of(value.asText(), field);
  }

  private static BlobVersion blobVersion(JsonNode body) {
    JsonNode value = body.get("encrypted_blob_version");
    return value == null ? null : new BlobVersion(value.asInt());
  }

  /** Runs {@code work}, placing any validation failure's field under {@code prefix}. */
  private static <T> T within(String prefix, java.util.function.Supplier<T> work) {
    try {
      return work.get();
    } catch (ValidationFailure f) {
      if (prefix.isEmpty() || f.field().startsWith(prefix)) {
        throw f;
      }
      throw f.under(prefix);
    }
  }
}
