package com.kairos.application.push;

import com.kairos.application.port.PushMessage;
import com.kairos.application.port.PushResult;
import com.kairos.application.port.PushSender;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code log} provider: one INFO line per push naming the kind, the negotiation id and the
 * token's last 6 characters (nothing else), so a developer sees each push; every push is "sent".
 */
public final class LogPushSender implements PushSender {
  private static final Logger LOG = LoggerFactory.getLogger(LogPushSender.class);

  @Override
  public PushResult send(PushMessage message) {
    LOG.info(
        "push kind={} negotiation={} token=…{}",
        "negotiation." + message.kind().name().toLowerCase(Locale.ROOT),
        message.negotiationId(),
        message.token().suffix());
    return PushResult.sent();
  }
}
