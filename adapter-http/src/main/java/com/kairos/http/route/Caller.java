package com.kairos.http.route;

import com.kairos.application.port.VerifiedIdentity;
import io.javalin.http.Context;

/** The verified identity of the request's caller, set by the authentication filter. */
public final class Caller {
  private static final String ATTRIBUTE = "kairos.caller";

  private Caller() {}

  public static void set(Context ctx, VerifiedIdentity identity) {
    ctx.attribute(ATTRIBUTE, identity);
  }

  public static VerifiedIdentity of(Context ctx) {
    VerifiedIdentity identity = ctx.attribute(ATTRIBUTE);
    if (identity == null) {
      throw new IllegalStateException("protected handler reached without authentication");
    }
    return identity;
  }

  /** The caller's user id for logging, or null for anonymous requests. */
  public static String userIdOrNull(Context ctx) {
    VerifiedIdentity identity = ctx.attribute(ATTRIBUTE);
    return identity == null ? null : identity.userId().value();
  }
}
