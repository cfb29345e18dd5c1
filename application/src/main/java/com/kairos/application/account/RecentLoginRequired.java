package com.kairos.application.account;

import com.kairos.domain.common.DomainException;

/**
 * The caller signed in too long ago for an irreversible act (HTTP 403 {@code authorization_error},
 * {@code details.reason = "recent_login_required"}): the app re-authenticates and retries.
 */
public final class RecentLoginRequired extends DomainException {
  private static final long serialVersionUID = 1L;

  public RecentLoginRequired() {
    super("a recent sign-in is required");
  }

  /** The stable reason code the HTTP adapter reports. */
  public String reason() {
    return "recent_login_required";
  }
}
