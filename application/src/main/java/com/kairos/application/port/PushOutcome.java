package com.kairos.application.port;

/**
 * What becomes of one push, the one enum for it: the provider's verdict on a send ({@link
 * PushResult}), the fate the dispatcher records for its outbox row ({@link OutboxUpdate}) and the
 * label of its meter ({@link PushMetrics}).
 */
public enum PushOutcome {
  /** Accepted by the provider: the row is kept as sent until purged. */
  SENT,
  /** A transient failure: the row is due again later, not before the provider's hint if any. */
  RETRY,
  /** The token is dead ({@code UNREGISTERED}, or rejected by name): forget the device. */
  TOKEN_REJECTED,
  /** Refused for good, or failing past the give-up time: the row is kept as dead until purged. */
  DEAD
}
