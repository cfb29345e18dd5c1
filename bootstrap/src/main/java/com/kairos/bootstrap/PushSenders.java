package com.kairos.bootstrap;

import com.kairos.application.port.PushResult;
import com.kairos.application.port.PushSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Picks the {@link PushSender} that {@code PUSH_PROVIDER} names. */
final class PushSenders {
  private static final Logger LOG = LoggerFactory.getLogger(PushSenders.class);

  private PushSenders() {}

  static PushSender create(KairosConfig config) {
    return switch (config.push().provider()) {
      case FCM -> throw new IllegalStateException("FCM sender not wired yet");
      case LOG ->
          message -> {
            LOG.info(
                "push kind={} negotiation_id={} token_suffix={}",
                message.kind(),
                message.negotiationId(),
                message.token().suffix());
            return PushResult.sent();
          };
      case NONE -> message -> PushResult.sent();
    };
  }
}
