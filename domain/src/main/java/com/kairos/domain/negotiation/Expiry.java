package com.kairos.domain.negotiation;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * The expiry rule, in one place: an open negotiation whose expiry instant has been reached reads as
 * cancelled (expired) by the system at the next version, whether or not the sweep has written it
 * yet. Reads ({@link Negotiation#asOf}, {@link NegotiationSummary#asOf}), writes ({@link
 * Negotiation#expire}) and the repository's sweep all take it from here.
 */
public final class Expiry {
  /** The state an expired negotiation reads as. */
  public static final NegotiationState STATE = NegotiationState.CANCELLED;

  /** Why it was cancelled. */
  public static final CancelReason REASON = CancelReason.EXPIRED;

  /** The action its history records. */
  public static final NegotiationAction ACTION = NegotiationAction.EXPIRE;

  private Expiry() {}

  /** The states an expiry can leave: the open ones. */
  public static Set<NegotiationState> expiringStates() {
    Set<NegotiationState> open = EnumSet.noneOf(NegotiationState.class);
    for (NegotiationState s : NegotiationState.values()) {
      if (s.isOpen()) {
        open.add(s);
      }
    }
    return open;
  }

  /** True once {@code now} reached {@code expiresAt} while the negotiation was still open. */
  public static boolean isDue(NegotiationState state, Instant expiresAt, Instant now) {
    return state.isOpen() && !now.isBefore(expiresAt);
  }

  /** The state as it reads at {@code now}. */
  public static NegotiationState stateAsOf(NegotiationState state, Instant expiresAt, Instant now) {
    return isDue(state, expiresAt, now) ? STATE : state;
  }

  /** The version an expiry writes (and a read reports before it is written). */
  public static long versionAfter(long version) {
    return version + 1;
  }
}
