package com.kairos.bootstrap;

import com.kairos.application.port.PushMessage;
import com.kairos.application.port.PushResult;
import com.kairos.application.port.PushSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code log} provider: one INFO line per push naming the kind, the negotiation id and the
 * token's last 6 characters (nothing else), keyed like the dispatcher's own lines, so a developer
 * sees each push; every push is "sent".
 */
public final class LogPushSender implements PushSender {
  private static final Logger LOG = LoggerFactory.getLogger(LogPushSender.class);

  @Override
  public PushResult send(PushMessage message) {
    LOG.info(
        "push kind={} negotiation_id={} token_suffix={}",
        message.kind(),
        message.negotiationId(),
        message.token().suffix());
    return PushResult.sent();
  }
}
