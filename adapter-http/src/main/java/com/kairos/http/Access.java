package com.kairos.http;

import com.kairos.application.port.RateLimiter;
import com.kairos.http.route.Route;
import io.javalin.security.RouteRole;
import java.util.ArrayList;
import java.util.List;

/** What the access filter must check on a route: a bearer token, and the rate limits. */
enum Access implements RouteRole {
  PUBLIC,
  AUTHENTICATED,
  /** Never rate limited: the operational endpoints. */
  UNLIMITED;

  /** A route's bucket of its own, carried to the filter as a role. */
  record OwnLimit(RateLimiter.Limit limit) implements RouteRole {}

  /** The roles Javalin registers {@code route} with. */
  static RouteRole[] of(Route route) {
    List<RouteRole> roles = new ArrayList<>();
    roles.add(route.authenticated() ? AUTHENTICATED : PUBLIC);
    if (!route.rateLimited()) {
      roles.add(UNLIMITED);
    }
    if (route.ownLimit() != null) {
      roles.add(new OwnLimit(route.ownLimit()));
    }
    return roles.toArray(RouteRole[]::new);
  }
}
