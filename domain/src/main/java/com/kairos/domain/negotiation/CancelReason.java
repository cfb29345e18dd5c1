package com.kairos.domain.negotiation;

/** Why a negotiation was cancelled. */
public enum CancelReason {
  OWNER_CANCELLED,
  EXPIRED,
  ALL_DECLINED;
}
