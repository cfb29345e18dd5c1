package com.kairos.http.user;

import com.kairos.application.account.DeleteAccount;
import com.kairos.application.port.VerifiedIdentity;
import com.kairos.http.route.Caller;
import io.javalin.http.Context;

/** {@code DELETE /me}: the caller's account goes, at once and for good (accounts.md). */
final class AccountHandlers {
  private final DeleteAccount delete;

  AccountHandlers(DeleteAccount delete) {
    this.delete = delete;
  }

  void delete(Context ctx) {
    VerifiedIdentity caller = Caller.of(ctx);
    delete.delete(caller.userId(), caller.authTime());
    ctx.status(204);
  }
}
