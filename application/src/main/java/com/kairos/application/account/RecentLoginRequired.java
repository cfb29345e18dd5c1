package com.kairos.application.account;

/**
 * The caller signed in too long ago for an irreversible act. Not a domain refusal (the domain knows
 * nothing of sign-ins): an application one, like {@code AuthenticationFailed}. The app
 * re-authenticates and retries.
 */
public final class RecentLoginRequired extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RecentLoginRequired() {
    super("a recent sign-in is required", null, false, false);
  }
}
