package com.kairos.firebase.push;

import com.google.api.client.json.JsonFactory;
import com.google.api.client.json.gson.GsonFactory;
import com.google.firebase.messaging.Message;
import com.kairos.application.port.PushMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * What {@link FcmPushSender} would send for a push, as one log line's text, for the {@code log}
 * provider: the kind as it travels ({@code negotiation.invited}), the negotiation id, the version,
 * the token's suffix and the request body FCM would get, built by {@link FcmMessages} and
 * serialized the way firebase-admin serializes it ({@code {"message": …}}), with the device token
 * replaced by {@code "…"} and its last characters. Nothing else of the token appears.
 */
public final class FcmPreview {
  private static final JsonFactory JSON = GsonFactory.getDefaultInstance();

  private FcmPreview() {}

  /** {@code kind=… negotiation_id=… version=… token_suffix=… fcm={"message":…}}. */
  public static String line(PushMessage push) {
    String suffix = push.token().suffix();
    return "kind="
        + FcmMessages.kind(push.kind())
        + " negotiation_id="
        + push.negotiationId()
        + " version="
        + push.version()
        + " token_suffix="
        + suffix
        + " fcm="
        + body(push);
  }

  /** The FCM request body for {@code push}, its token shortened to {@code "…<suffix>"}. */
  static String body(PushMessage push) {
    Message message = FcmMessages.toMessage(push, "…" + push.token().suffix());
    try {
      return JSON.toString(Map.of("message", message));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
