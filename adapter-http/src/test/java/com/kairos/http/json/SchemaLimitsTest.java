package com.kairos.http.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kairos.domain.common.UserId;
import com.kairos.domain.device.Device;
import com.kairos.domain.device.PushToken;
import com.kairos.domain.negotiation.Limits;
import com.kairos.domain.user.UserProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/**
 * Ties every number the request schemas promise to the one constant the domain checks, so that a
 * limit changed in {@link Limits} (or beside its value object) fails here until the schema follows.
 */
class SchemaLimitsTest {

  private static JsonNode schema(String file) {
    try (InputStream in = SchemaLimitsTest.class.getResourceAsStream("/kairos/schemas/" + file)) {
      return Json.mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int number(JsonNode schema, String pointer) {
    JsonNode node = schema.at(pointer);
    assertThat(node.isNumber()).as(pointer).isTrue();
    return node.asInt();
  }

  @Test
  void aStartListsAtMostAsManyPeopleAndOptionsAsTheDomainAccepts() {
    JsonNode start = schema("start-negotiation.json");
    assertThat(number(start, "/properties/participant_ids/maxItems"))
        .isEqualTo(Limits.MAX_PARTICIPANTS);
    assertThat(number(start, "/properties/proposed_slots/maxItems"))
        .isEqualTo(Limits.MAX_OPTIONS_PER_REQUEST);
    assertThat(number(start, "/properties/proposed_venues/maxItems"))
        .isEqualTo(Limits.MAX_OPTIONS_PER_REQUEST);
  }

  @Test
  void aReplyProposesAndSelectsWithinTheDomainsLimits() {
    JsonNode reply = schema("reply-negotiation.json");
    assertThat(number(reply, "/properties/counter_slots/maxItems"))
        .isEqualTo(Limits.MAX_OPTIONS_PER_REQUEST);
    assertThat(number(reply, "/properties/counter_venues/maxItems"))
        .isEqualTo(Limits.MAX_OPTIONS_PER_REQUEST);
    assertThat(number(reply, "/properties/accepted_slot_ids/maxItems"))
        .isEqualTo(Limits.MAX_OPTIONS_PER_NEGOTIATION);
    assertThat(number(reply, "/properties/accepted_venue_ids/maxItems"))
        .isEqualTo(Limits.MAX_OPTIONS_PER_NEGOTIATION);
  }

  @Test
  void theSharedDefinitionsUseTheDomainsBounds() {
    JsonNode common = schema("common.json");
    String slot = "/$defs/SlotProposal/properties/duration_minutes";
    assertThat(number(common, slot + "/minimum")).isEqualTo(Limits.MIN_DURATION_MINUTES);
    assertThat(number(common, slot + "/maximum")).isEqualTo(Limits.MAX_DURATION_MINUTES);
    String venue = "/$defs/VenueProposal/properties";
    assertThat(number(common, venue + "/name/maxLength")).isEqualTo(Limits.MAX_VENUE_NAME);
    assertThat(number(common, venue + "/provider_id/maxLength")).isEqualTo(Limits.MAX_PROVIDER_ID);
    assertThat(number(common, "/$defs/UserId/maxLength")).isEqualTo(UserId.MAX_LENGTH);
  }

  @Test
  void profilesAndDevicesUseTheirValueObjectsBounds() {
    assertThat(number(schema("patch-me.json"), "/properties/display_name/maxLength"))
        .isEqualTo(UserProfile.MAX_DISPLAY_NAME);
    JsonNode device = schema("put-device.json");
    assertThat(number(device, "/properties/app_version/maxLength"))
        .isEqualTo(Device.MAX_APP_VERSION);
    assertThat(number(device, "/properties/push_token/maxLength")).isEqualTo(PushToken.MAX_LENGTH);
  }

  @Test
  void theResponsesParticipantCountStaysWithinTheRoster() {
    String count = "/$defs/Negotiation/properties/participant_count";
    JsonNode responses = schema("responses.json");
    assertThat(number(responses, count + "/maximum")).isEqualTo(Limits.MAX_PARTICIPANTS);
    assertThat(number(responses, count + "/minimum")).isEqualTo(2);
  }
}
