package com.kairos.http.negotiation;

import static com.kairos.http.json.BodyFields.blob;
import static com.kairos.http.json.BodyFields.blobVersion;
import static com.kairos.http.json.BodyFields.list;
import static com.kairos.http.json.BodyFields.text;
import static com.kairos.http.json.BodyFields.timestamp;
import static com.kairos.http.json.BodyFields.timezone;
import static com.kairos.http.json.BodyFields.uuid;
import static com.kairos.http.json.BodyFields.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.kairos.domain.common.AgentMode;
import com.kairos.domain.common.IntentCategory;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.ReplyId;
import com.kairos.domain.common.SlotId;
import com.kairos.domain.common.UserId;
import com.kairos.domain.common.VenueId;
import com.kairos.domain.negotiation.NegotiationAction;
import com.kairos.domain.negotiation.NegotiationState;
import com.kairos.domain.negotiation.Reply;
import com.kairos.domain.negotiation.ReplyCommand;
import com.kairos.domain.negotiation.SlotProposal;
import com.kairos.domain.negotiation.StartCommand;
import com.kairos.domain.negotiation.VenueProposal;
import com.kairos.http.json.WireNames;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Explicit mapping of schema-valid negotiation request bodies to domain commands. */
final class NegotiationRequests {
  private NegotiationRequests() {}

  static StartCommand startCommand(JsonNode body) {
    return within(
        "",
        () ->
            new StartCommand(
                new NegotiationId(uuid(body, "id")),
                WireNames.parse(
                    IntentCategory.class, text(body, "intent_category"), "intent_category"),
                userIds(body.get("participant_ids")),
                list(body.get("proposed_slots"), "proposed_slots", NegotiationRequests::slot),
                body.has("proposed_venues")
                    ? list(
                        body.get("proposed_venues"), "proposed_venues", NegotiationRequests::venue)
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
                ? list(body.get("counter_slots"), "counter_slots", NegotiationRequests::slot)
                : null,
            body.has("counter_venues")
                ? list(body.get("counter_venues"), "counter_venues", NegotiationRequests::venue)
                : null,
            blob(body, "counter_payload"));
    return new ReplyCommand(
        negotiationId(body),
        reply,
        replyId(body),
        expectedVersion(body),
        blob(body, "encrypted_payload"),
        body.has("agent_mode")
            ? WireNames.parse(AgentMode.class, text(body, "agent_mode"), "agent_mode")
            : null);
  }

  static ReplyId replyId(JsonNode body) {
    return body.has("reply_id") ? new ReplyId(uuid(body, "reply_id")) : null;
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

  private static <T> List<T> ids(JsonNode array, Function<UUID, T> wrap) {
    if (array == null) {
      return null;
    }
    List<T> result = new ArrayList<>();
    array.forEach(n -> result.add(wrap.apply(UUID.fromString(n.asText()))));
    return result;
  }

  private static List<UserId> userIds(JsonNode array) {
    return list(array, "participant_ids", id -> new UserId(id.asText()));
  }
}
