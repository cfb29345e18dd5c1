package com.kairos.firebase.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.kairos.application.port.PushMessage;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.device.Platform;
import com.kairos.domain.device.PushToken;
import com.kairos.domain.notification.NotificationKind;
import com.kairos.firebase.testing.FakeFcm;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FcmPreviewTest {
  private static final String TOKEN = "SECRET-TOKEN-MARKER:0123456789_abcdefXYZ987";
  private static final NegotiationId NEGOTIATION =
      new NegotiationId(UUID.fromString("0f0e0d0c-0b0a-4908-8706-050403020100"));

  private static PushMessage push(Platform platform, NotificationKind kind) {
    return new PushMessage(new PushToken(TOKEN), platform, kind, NEGOTIATION, 7);
  }

  @ParameterizedTest
  @EnumSource(Platform.class)
  void thePreviewIsTheBodyTheFcmSenderSendsWithTheTokenShortened(Platform platform) {
    PushMessage push = push(platform, NotificationKind.COUNTERED);
    JsonObject sent;
    try (FakeFcm fcm = FakeFcm.start();
        FcmPushSender sender =
            FcmPushSender.create(
                new FcmSettings(
                    "demo-kairos",
                    fcm.baseUrl(),
                    null,
                    null,
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(2)),
                Clock.fixed(Instant.parse("2026-12-08T00:00:00Z"), ZoneOffset.UTC))) {
      sender.send(push);
      sent = fcm.requests().get(0).json();
    }
    sent.getAsJsonObject("message").addProperty("token", "…XYZ987");

    assertThat(JsonParser.parseString(FcmPreview.body(push))).isEqualTo(sent);
  }

  @Test
  void theLineNamesTheWireKindTheVersionAndTheSuffixOnly() {
    String line = FcmPreview.line(push(Platform.IOS, NotificationKind.INVITED));

    assertThat(line)
        .startsWith(
            "kind=negotiation.invited negotiation_id="
                + NEGOTIATION
                + " version=7 token_suffix=XYZ987 fcm={\"message\":")
        .contains("\"token\":\"…XYZ987\"")
        .contains("\"loc-key\":\"NEGOTIATION_INVITED\"")
        .doesNotContain("SECRET")
        .doesNotContain("0123456789");
  }

  @ParameterizedTest
  @EnumSource(NotificationKind.class)
  void everyKindIsPreviewedByItsWireName(NotificationKind kind) {
    assertThat(FcmPreview.line(push(Platform.IOS, kind)))
        .startsWith("kind=" + FcmMessages.kind(kind) + " ")
        .contains("\"kind\":\"" + FcmMessages.kind(kind) + "\"");
  }
}
