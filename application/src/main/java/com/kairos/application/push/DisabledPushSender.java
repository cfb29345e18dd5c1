package com.kairos.application.push;

import com.kairos.application.port.PushMessage;
import com.kairos.application.port.PushResult;
import com.kairos.application.port.PushSender;

/** The {@code none} provider: sends nothing, records nothing, and reports every push as sent. */
public final class DisabledPushSender implements PushSender {

  @Override
  public PushResult send(PushMessage message) {
    return PushResult.sent();
  }
}
