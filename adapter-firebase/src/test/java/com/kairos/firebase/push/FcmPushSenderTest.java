package com.kairos.firebase.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.gson.JsonParser;
import com.kairos.application.port.PushMessage;
import com.kairos.application.port.PushOutcome;
import com.kairos.application.port.PushResult;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.device.Platform;
import com.kairos.domain.device.PushToken;
import com.kairos.domain.notification.NotificationKind;
import com.kairos.firebase.testing.FakeFcm;
import com.kairos.firebase.testing.FakeFcm.Response;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FcmPushSenderTest {
  private static final String PROJECT = "kairos-test";
  private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
  private static final NegotiationId NEGOTIATION =
      new NegotiationId(UUID.fromString("6f1c2f7e-3b1a-4c55-9e0d-2a4b6c8d0e1f"));
  private static final String IOS_TOKEN = "ios-token:APA91b_abc.DEF-123456";
  private static final String ANDROID_TOKEN = "android-token:APA91b_xyz.UVW-654321";

  private final List<FcmPushSender> senders = new ArrayList<>();
  private FakeFcm fcm;
  private FcmPushSender sender;

  @BeforeEach
  void start() {
    fcm = FakeFcm.start();
    sender = senderFor(fcm.baseUrl(), Duration.ofSeconds(2));
  }

  @AfterEach
  void stop() {
    senders.forEach(FcmPushSender::close);
    fcm.close();
  }

  private FcmPushSender senderFor(URI apiUrl, Duration readTimeout) {
    FcmPushSender s =
        FcmPushSender.create(
            new FcmSettings(PROJECT, apiUrl, null, null, Duration.ofSeconds(1), readTimeout),
            Clock.fixed(NOW, ZoneOffset.UTC));
    senders.add(s);
    return s;
  }

  private static PushMessage push(String token, Platform platform, NotificationKind kind) {
    return new PushMessage(new PushToken(token), platform, kind, NEGOTIATION, 7);
  }

  @Test
  void anIosPushIsExactlyTheMessageTheSpecLists() {
    PushResult result = sender.send(push(IOS_TOKEN, Platform.IOS, NotificationKind.FINALIZED));

    assertThat(result).isEqualTo(PushResult.sent());
    FakeFcm.Request request = fcm.requests().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/v1/projects/" + PROJECT + "/messages:send");
    String id = NEGOTIATION.toString();
    assertThat(request.json())
        .isEqualTo(
            JsonParser.parseString(
                """
                {"message": {
                  "token": "%s",
                  "data": {"kind": "negotiation.finalized", "negotiation_id": "%s", "version": "7"},
                  "apns": {
                    "headers": {"apns-push-type": "alert", "apns-priority": "10",
                                "apns-collapse-id": "%s"},
                    "payload": {"aps": {"alert": {"loc-key": "NEGOTIATION_FINALIZED"},
                                        "mutable-content": 1, "thread-id": "%s",
                                        "sound": "default"}}}}}
                """
                    .formatted(IOS_TOKEN, id, id, id)));
  }

  @Test
  void anAndroidPushIsExactlyTheMessageTheSpecLists() {
    PushResult result =
        sender.send(push(ANDROID_TOKEN, Platform.ANDROID, NotificationKind.COUNTERED));

    assertThat(result).isEqualTo(PushResult.sent());
    String id = NEGOTIATION.toString();
    assertThat(fcm.requests().get(0).json())
        .isEqualTo(
            JsonParser.parseString(
                """
                {"message": {
                  "token": "%s",
                  "data": {"kind": "negotiation.countered", "negotiation_id": "%s", "version": "7"},
                  "android": {"collapse_key": "%s", "priority": "high"}}}
                """
                    .formatted(ANDROID_TOKEN, id, id)));
  }

  @ParameterizedTest
  @EnumSource(NotificationKind.class)
  void everyKindHasItsDataKindAndLocalizationKey(NotificationKind kind) {
    sender.send(push(IOS_TOKEN, Platform.IOS, kind));

    FakeFcm.Request request = fcm.requests().get(0);
    String word = kind.name().toLowerCase(java.util.Locale.ROOT);
    assertThat(request.data()).containsEntry("kind", "negotiation." + word);
    assertThat(
            request
                .json()
                .getAsJsonObject("message")
                .getAsJsonObject("apns")
                .getAsJsonObject("payload")
                .getAsJsonObject("aps")
                .getAsJsonObject("alert")
                .get("loc-key")
                .getAsString())
        .isEqualTo("NEGOTIATION_" + kind.name());
  }

  @Test
  void withoutAServiceAccountAFakeEndpointGetsNoAuthorizationHeader() {
    sender.send(push(IOS_TOKEN, Platform.IOS, NotificationKind.INVITED));

    FakeFcm.Request request = fcm.requests().get(0);
    assertThat(request.header("Authorization")).isEmpty();
    assertThat(request.header("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
  }

  @Test
  void withCredentialsEveryRequestCarriesTheirBearerToken() {
    FcmPushSender authenticated =
        FcmPushSender.create(
            new FcmSettings(PROJECT, fcm.baseUrl(), null, null),
            Clock.fixed(NOW, ZoneOffset.UTC),
            GoogleCredentials.create(
                new AccessToken("test-access-token", Date.from(Instant.now().plusSeconds(3600)))));
    senders.add(authenticated);

    PushResult result = authenticated.send(push(IOS_TOKEN, Platform.IOS, NotificationKind.INVITED));

    assertThat(result).isEqualTo(PushResult.sent());
    assertThat(fcm.requests().get(0).header("Authorization")).contains("Bearer test-access-token");
  }

  @Test
  void anUnregisteredTokenIsRejectedForGood() {
    fcm.enqueue(Response.unregistered());

    PushResult result = sender.send(push(IOS_TOKEN, Platform.IOS, NotificationKind.INVITED));

    assertThat(result).isEqualTo(PushResult.tokenRejected("UNREGISTERED"));
    assertThat(fcm.requests()).hasSize(1);
  }

  @Test
  void theFakesDefaultRuleRejectsTokensStartingWithUnregistered() {
    PushResult result =
        sender.send(push("unregistered-abc123", Platform.ANDROID, NotificationKind.EXPIRED));

    assertThat(result.outcome()).isEqualTo(PushOutcome.TOKEN_REJECTED);
  }

  @Test
  void anInvalidArgumentNamingTheTokenRejectsTheToken() {
    fcm.enqueue(Response.invalidToken());

    PushResult result = sender.send(push(IOS_TOKEN, Platform.IOS, NotificationKind.REPLIED));

    assertThat(result).isEqualTo(PushResult.tokenRejected("INVALID_ARGUMENT"));
  }

  @Test
  void aSenderIdMismatchNamingTheTokenRejectsTheToken() {
    fcm.enqueue(
        Response.error(
            403,
            "PERMISSION_DENIED",
            "SENDER_ID_MISMATCH",
            "The registration token belongs to another sender."));

    PushResult result = sender.send(push(IOS_TOKEN, Platform.IOS, NotificationKind.REPLIED));

    assertThat(result).isEqualTo(PushResult.tokenRejected("SENDER_ID_MISMATCH"));
  }

  @Test
  void anUnrelatedBadRequestRejectsTheMessageButKeepsTheToken() {
    fcm.enqueue(
        Response.error(
            400,
            "INVALID_ARGUMENT",
            "INVALID_ARGUMENT",
            "Invalid value at 'message.data[0].value' (TYPE_STRING)"));

    PushResult result = sender.send(push(IOS_TOKEN, Platform.IOS, NotificationKind.REPLIED));

    assertThat(result).isEqualTo(PushResult.rejected("INVALID_ARGUMENT"));
    assertThat(fcm.requests()).hasSize(1);
  }

  @Test
  void aSenderIdMismatchThatDoesNotNameTheTokenIsRejectedWithoutDroppingTheToken() {
    fcm.enqueue(
        Response.error(403, "PERMISSION_DENIED", "SENDER_ID_MISMATCH", "SenderId mismatch"));

    PushResult result = sender.send(push(IOS_TOKEN, Platform.IOS, NotificationKind.REPLIED));

    assertThat(result).isEqualTo(PushResult.rejected("SENDER_ID_MISMATCH"));
  }

  @Test
  void a503IsRetriedByTheCallerAfterExactlyOneHttpAttempt() {
    fcm.enqueue(Response.unavailable(), Response.unavailable(), Response.unavailable());

    long started = System.nanoTime();
    PushResult result = sender.send(push(IOS_TOKEN, Platform.IOS, NotificationKind.INVITED));
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(result).isEqualTo(PushResult.retry("UNAVAILABLE", null));
    assertThat(fcm.requests()).hasSize(1);
    // firebase-admin's own retry would have slept 500 ms before a second attempt.
    assertThat(took).isLessThan(Duration.ofMillis(500));
  }

  @Test
  void aBare503WithRetryAfterIsRetriedOnceWithTheHint() {
    fcm.enqueue(Response.status(503).withHeader("Retry-After", "30"), Response.ok());

    PushResult result = sender.send(push(IOS_TOKEN, Platform.IOS, NotificationKind.INVITED));

    assertThat(result).isEqualTo(PushResult.retry("http_503", Duration.ofSeconds(30)));
    assertThat(fcm.requests()).hasSize(1);
  }

  @Test
  void a429WithRetryAfterSecondsIsRetriedNoSoonerThanThat() {
    fcm.enqueue(
        Response.error(429, "RESOURCE_EXHAUSTED", "QUOTA_EXCEEDED", "Quota exceeded.")
            .withHeader("Retry-After", "7"));

    PushResult result = sender.send(push(IOS_TOKEN, Platform.IOS, NotificationKind.INVITED));

    assertThat(result).isEqualTo(PushResult.retry("QUOTA_EXCEEDED", Duration.ofSeconds(7)));
    assertThat(fcm.requests()).hasSize(1);
  }

  @Test
  void aRetryAfterHttpDateIsADelayFromNow() {
    String inTwoMinutes =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            ZonedDateTime.ofInstant(NOW.plusSeconds(120), ZoneOffset.UTC));
    fcm.enqueue(Response.status(429).withHeader("Retry-After", inTwoMinutes));

    PushResult result = sender.send(push(IOS_TOKEN, Platform.IOS, NotificationKind.INVITED));

    assertThat(result).isEqualTo(PushResult.retry("http_429", Duration.ofSeconds(120)));
  }

  @Test
  void anInternalErrorIsRetried() {
    fcm.enqueue(Response.error(500, "INTERNAL", "INTERNAL", "Internal error encountered."));

    PushResult result = sender.send(push(IOS_TOKEN, Platform.IOS, NotificationKind.INVITED));

    assertThat(result).isEqualTo(PushResult.retry("INTERNAL", null));
  }

  @Test
  void aRefusedConnectionIsRetriedAtOnce() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    FcmPushSender nowhere =
        senderFor(URI.create("http://127.0.0.1:" + closedPort), Duration.ofSeconds(2));

    long started = System.nanoTime();
    PushResult result = nowhere.send(push(IOS_TOKEN, Platform.IOS, NotificationKind.INVITED));
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(result).isEqualTo(PushResult.retry("connection", null));
    assertThat(took).isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void aSlowAnswerIsATimeoutToRetry() {
    FcmPushSender impatient = senderFor(fcm.baseUrl(), Duration.ofMillis(300));
    fcm.enqueue(Response.ok().after(Duration.ofSeconds(10)));

    long started = System.nanoTime();
    PushResult result = impatient.send(push(IOS_TOKEN, Platform.IOS, NotificationKind.INVITED));
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(result).isEqualTo(PushResult.retry("timeout", null));
    assertThat(fcm.requests()).hasSize(1);
    assertThat(took).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void noReasonEverQuotesTheTokenOrTheIds() {
    String marker = "MARKERtoken:secret_" + "x".repeat(40) + "END999";
    String echo = "Invalid token " + marker + " for negotiation " + NEGOTIATION;
    List<Response> answers =
        List.of(
            Response.error(404, "NOT_FOUND", "UNREGISTERED", echo),
            Response.error(400, "INVALID_ARGUMENT", "INVALID_ARGUMENT", echo),
            Response.error(400, "INVALID_ARGUMENT", null, echo),
            Response.error(403, "PERMISSION_DENIED", "SENDER_ID_MISMATCH", echo),
            Response.error(503, "UNAVAILABLE", null, echo),
            Response.error(429, "RESOURCE_EXHAUSTED", "QUOTA_EXCEEDED", echo),
            Response.error(401, "UNAUTHENTICATED", "THIRD_PARTY_AUTH_ERROR", echo),
            new Response(500, java.util.Map.of(), echo, Duration.ZERO),
            new Response(418, java.util.Map.of(), echo, Duration.ZERO));
    for (Response answer : answers) {
      fcm.enqueue(answer);
      PushResult result = sender.send(push(marker, Platform.IOS, NotificationKind.FINALIZED));

      assertThat(result.outcome()).isNotEqualTo(PushOutcome.SENT);
      assertThat(result.reason())
          .doesNotContain("MARKER")
          .doesNotContain("secret")
          .doesNotContain(NEGOTIATION.toString())
          .matches("[A-Z_]+|http_[0-9]{3}");
    }
    assertThat(fcm.requests()).hasSize(answers.size());
  }
}
