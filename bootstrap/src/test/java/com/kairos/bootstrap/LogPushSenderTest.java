package com.kairos.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.kairos.application.port.PushMessage;
import com.kairos.application.port.PushResult;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.device.Platform;
import com.kairos.domain.device.PushToken;
import com.kairos.domain.notification.NotificationKind;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogPushSenderTest {
  private static final String TOKEN = "SECRET-TOKEN-MARKER:0123456789_abcdefXYZ987";
  private static final NegotiationId NEGOTIATION =
      new NegotiationId(UUID.fromString("0f0e0d0c-0b0a-4908-8706-050403020100"));

  private final Logger logger = (Logger) LoggerFactory.getLogger(LogPushSender.class);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private Level previousLevel;

  @BeforeEach
  void capture() {
    previousLevel = logger.getLevel();
    logger.setLevel(Level.INFO);
    logged.start();
    logger.addAppender(logged);
  }

  @AfterEach
  void release() {
    logger.detachAppender(logged);
    logger.setLevel(previousLevel);
  }

  /** A stand-in for the FCM adapter's preview (bootstrap wires that one): kind and suffix. */
  private static String preview(PushMessage push) {
    return "kind=" + push.kind() + " token_suffix=" + push.token().suffix();
  }

  private static PushMessage push(NotificationKind kind) {
    return new PushMessage(new PushToken(TOKEN), Platform.IOS, kind, NEGOTIATION, 7);
  }

  @Test
  void onePushIsOneInfoLineWithItsPreview() {
    PushResult result =
        new LogPushSender(LogPushSenderTest::preview).send(push(NotificationKind.FINALIZED));

    assertThat(result).isEqualTo(PushResult.sent());
    assertThat(logged.list).hasSize(1);
    ILoggingEvent line = logged.list.get(0);
    assertThat(line.getLevel()).isEqualTo(Level.INFO);
    assertThat(line.getFormattedMessage()).isEqualTo("push kind=FINALIZED token_suffix=XYZ987");
  }

  @Test
  void theFullTokenNeverReachesTheLog() {
    LogPushSender sender = new LogPushSender(LogPushSenderTest::preview);
    for (NotificationKind kind : NotificationKind.values()) {
      sender.send(push(kind));
    }

    assertThat(logged.list).hasSize(NotificationKind.values().length);
    for (ILoggingEvent line : logged.list) {
      assertThat(line.getFormattedMessage())
          .doesNotContain(TOKEN)
          .doesNotContain("SECRET")
          .doesNotContain("0123456789");
      assertThat(line.getArgumentArray())
          .allSatisfy(arg -> assertThat(String.valueOf(arg)).doesNotContain("SECRET"));
    }
    assertThat(logged.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .extracting(m -> m.split(" ")[1])
        .isEqualTo(
            List.of(
                "kind=INVITED",
                "kind=REPLIED",
                "kind=COUNTERED",
                "kind=FINALIZED",
                "kind=CANCELLED",
                "kind=EXPIRED"));
  }
}
