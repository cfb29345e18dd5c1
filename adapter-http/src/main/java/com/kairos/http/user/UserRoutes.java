package com.kairos.http.user;

import com.kairos.application.UseCases;
import com.kairos.http.json.RequestSchemas;
import com.kairos.http.route.Envelope;
import com.kairos.http.route.Route;
import io.javalin.http.HandlerType;
import java.util.List;

/** The endpoints of the caller's own profile. */
public final class UserRoutes {
  private UserRoutes() {}

  /** The routes of the caller's own profile. */
  public static List<Route> of(UseCases useCases, RequestSchemas schemas, Envelope envelope) {
    ProfileHandlers h =
        new ProfileHandlers(useCases.getProfile(), useCases.updateProfile(), schemas, envelope);
    return List.of(
        new Route(
            HandlerType.GET,
            "/me",
            h::get,
            true,
            "My profile (created on first call)",
            null,
            200,
            "Profile",
            "Meta",
            List.of(),
            List.of(401)),
        new Route(
            HandlerType.PATCH,
            "/me",
            h::patch,
            true,
            "Update my profile",
            "patch-me.json",
            200,
            "Profile",
            "Meta",
            List.of(),
            List.of(400, 401, 413, 415, 422)));
  }
}
