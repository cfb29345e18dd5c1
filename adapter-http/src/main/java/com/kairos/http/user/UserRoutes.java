package com.kairos.http.user;

import com.kairos.application.UseCases;
import com.kairos.http.json.RequestSchemas;
import com.kairos.http.route.Envelope;
import com.kairos.http.route.Routes;

/** The endpoints of the caller's own profile. */
public final class UserRoutes {
  private UserRoutes() {}

  /** Declares {@code GET /me} and {@code PATCH /me}. */
  public static void declare(
      Routes routes, UseCases useCases, RequestSchemas schemas, Envelope envelope) {
    ProfileHandlers h =
        new ProfileHandlers(useCases.getProfile(), useCases.updateProfile(), schemas, envelope);
    routes.tag("profile");
    routes
        .get("/me")
        .operation("getProfile")
        .summary("My profile (created on first call)")
        .description("The caller's profile, created on the first call.")
        .responds(200, "Profile")
        .errors(401)
        .handler(h::get);
    routes
        .patch("/me")
        .operation("updateProfile")
        .summary("Update my profile")
        .description("Changes display_name, locale or agent_mode_default.")
        .body("patch-me.json")
        .responds(200, "Profile")
        .errors(400, 401, 413, 415, 422)
        .handler(h::patch);
  }
}
