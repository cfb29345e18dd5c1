package com.kairos.application.port;

import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.device.Platform;
import com.kairos.domain.device.PushToken;
import com.kairos.domain.notification.NotificationKind;
import java.util.Objects;

/**
 * One push to one device: ids and a kind, nothing a user wrote. The provider adapter decides the
 * wire shape (for FCM: data, APNs headers and alert key, Android collapse key).
 */
public record PushMessage(
    PushToken token,
    Platform platform,
    NotificationKind kind,
    NegotiationId negotiationId,
    long version) {

  public PushMessage {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(negotiationId, "negotiationId");
  }
}
