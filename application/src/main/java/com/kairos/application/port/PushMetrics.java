package com.kairos.application.port;

import com.kairos.domain.notification.NotificationKind;
import java.time.Duration;

/**
 * Outbound port: the dispatcher's meters. Labels are a kind and an outcome, never an id or a token.
 */
public interface PushMetrics {

  void attempt(NotificationKind kind, PushOutcome outcome);

  /** From the commit of the change to the provider's acceptance. */
  void delivered(Duration sinceCommit);

  void backlog(PushOutbox.Backlog backlog);

  /** Meters that go nowhere. */
  static PushMetrics none() {
    return new PushMetrics() {
      @Override
      public void attempt(NotificationKind kind, PushOutcome outcome) {}

      @Override
      public void delivered(Duration sinceCommit) {}

      @Override
      public void backlog(PushOutbox.Backlog backlog) {}
    };
  }
}
