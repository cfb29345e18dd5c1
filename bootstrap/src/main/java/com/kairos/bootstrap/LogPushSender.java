package com.kairos.bootstrap;

import com.kairos.application.port.PushMessage;
import com.kairos.application.port.PushResult;
import com.kairos.application.port.PushSender;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code log} provider: one INFO line per push, {@code push <preview>}, where the preview is
 * what the real provider would send with the device token shortened to its suffix (bootstrap passes
 * the FCM adapter's preview, so the line shows the exact FCM message); every push is "sent".
 */
public final class LogPushSender implements PushSender {
  private static final Logger LOG = LoggerFactory.getLogger(LogPushSender.class);

  private final Function<PushMessage, String> preview;

  /**
   * @param preview the text logged for a push; it must show no more of the token than its suffix
   */
  public LogPushSender(Function<PushMessage, String> preview) {
    this.preview = Objects.requireNonNull(preview, "preview");
  }

  @Override
  public PushResult send(PushMessage message) {
    LOG.info("push {}", preview.apply(message));
    return PushResult.sent();
  }
}
