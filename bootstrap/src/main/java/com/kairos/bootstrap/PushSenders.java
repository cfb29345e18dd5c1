package com.kairos.bootstrap;

import com.kairos.application.port.PushSender;
import com.kairos.firebase.push.FcmPreview;
import com.kairos.firebase.push.FcmPushSender;
import com.kairos.firebase.push.FcmSettings;
import java.time.Clock;

/** Picks the {@link PushSender} that {@code PUSH_PROVIDER} names. */
final class PushSenders {
  private PushSenders() {}

  static PushSender create(KairosConfig config, Clock clock) {
    PushConfig push = config.push();
    return switch (push.provider()) {
      case FCM ->
          FcmPushSender.create(
              new FcmSettings(
                  config.firebaseProjectId(),
                  push.fcmApiUrl(),
                  config.firebaseClientEmail(),
                  config.firebasePrivateKey()),
              clock);
      case LOG -> new LogPushSender(FcmPreview::line);
      case NONE ->
          // Nothing is queued with PUSH_PROVIDER=none (NoPushOutbox) and no dispatcher runs.
          message -> {
            throw new IllegalStateException("push notifications are off");
          };
    };
  }
}
