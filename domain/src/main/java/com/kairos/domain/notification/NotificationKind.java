package com.kairos.domain.notification;

/** What a push notification tells its recipient happened to a negotiation. */
public enum NotificationKind {
  /** The negotiation became active: the recipient is invited. */
  INVITED,
  /** An invitee accepted or declined: the organizer hears it. */
  REPLIED,
  /** Someone counter-proposed. */
  COUNTERED,
  /** The negotiation was finalized and the recipient has an event. */
  FINALIZED,
  /** The owner cancelled, or everyone declined. */
  CANCELLED,
  /** The negotiation expired. */
  EXPIRED
}
