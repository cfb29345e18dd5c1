package com.kairos.application.account;

/**
 * The caller signed in too long ago for an irreversible act. Not a domain refusal (the domain knows
 * nothing of sign-ins): an application one, like {@code AuthenticationFailed} (HTTP 403 {@code
 * authorization_error}, {@code details.reason = "recent_login_required"}): the app re-authenticates
 * and retries.
 */
public final class RecentLoginRequired extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RecentLoginRequired() {
    super("a recent sign-in is required", null, false, false);
  }

  /** The stable reason code the HTTP adapter reports. */
  public String reason() {
    return "recent_login_required";
  }
}
