package com.kairos.firebase.push;

import com.google.firebase.messaging.AndroidConfig;
import com.google.firebase.messaging.ApnsConfig;
import com.google.firebase.messaging.Aps;
import com.google.firebase.messaging.ApsAlert;
import com.google.firebase.messaging.Message;
import com.kairos.application.port.PushMessage;
import com.kairos.domain.device.Platform;
import com.kairos.domain.notification.NotificationKind;

/**
 * The wire shape of a push, as notifications.md lists it: ids, a kind and a localization key,
 * nothing a user wrote. iOS devices get the APNs block, Android devices the Android block; both get
 * the same {@code data}.
 */
final class FcmMessages {

  private FcmMessages() {}

  static Message toMessage(PushMessage push) {
    return toMessage(push, push.token().value());
  }

  /** The message for {@code push} addressed to {@code token} (the preview's shortened one). */
  static Message toMessage(PushMessage push, String token) {
    String negotiationId = push.negotiationId().toString();
    Message.Builder message =
        Message.builder()
            .setToken(token)
            .putData("kind", kind(push.kind()))
            .putData("negotiation_id", negotiationId)
            .putData("version", Long.toString(push.version()));
    if (push.platform() == Platform.IOS) {
      message.setApnsConfig(apns(push.kind(), negotiationId));
    } else {
      message.setAndroidConfig(android(negotiationId));
    }
    return message.build();
  }

  private static ApnsConfig apns(NotificationKind kind, String negotiationId) {
    return ApnsConfig.builder()
        .putHeader("apns-push-type", "alert")
        .putHeader("apns-priority", "10")
        .putHeader("apns-collapse-id", negotiationId)
        .setAps(
            Aps.builder()
                .setAlert(ApsAlert.builder().setLocalizationKey(locKey(kind)).build())
                .setMutableContent(true)
                .setThreadId(negotiationId)
                .setSound("default")
                .build())
        .build();
  }

  private static AndroidConfig android(String negotiationId) {
    return AndroidConfig.builder()
        .setCollapseKey(negotiationId)
        .setPriority(AndroidConfig.Priority.HIGH)
        .build();
  }

  /** The {@code data.kind} value; spelled out so renaming an enum constant cannot change it. */
  static String kind(NotificationKind kind) {
    return switch (kind) {
      case INVITED -> "negotiation.invited";
      case REPLIED -> "negotiation.replied";
      case COUNTERED -> "negotiation.countered";
      case FINALIZED -> "negotiation.finalized";
      case CANCELLED -> "negotiation.cancelled";
      case EXPIRED -> "negotiation.expired";
    };
  }

  /** The APNs alert's localization key, which the app's strings file translates. */
  static String locKey(NotificationKind kind) {
    return switch (kind) {
      case INVITED -> "NEGOTIATION_INVITED";
      case REPLIED -> "NEGOTIATION_REPLIED";
      case COUNTERED -> "NEGOTIATION_COUNTERED";
      case FINALIZED -> "NEGOTIATION_FINALIZED";
      case CANCELLED -> "NEGOTIATION_CANCELLED";
      case EXPIRED -> "NEGOTIATION_EXPIRED";
    };
  }
}
