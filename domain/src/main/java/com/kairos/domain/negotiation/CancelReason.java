package com.kairos.domain.negotiation;

/** Why a negotiation was cancelled. */
public enum CancelReason {
  OWNER_CANCELLED,
  EXPIRED,
  ALL_DECLINED,
  /** Its owner deleted their account while it was a draft or active. */
  OWNER_DELETED;
}
