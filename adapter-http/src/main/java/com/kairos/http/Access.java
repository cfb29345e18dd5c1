package com.kairos.http;

import io.javalin.security.RouteRole;

/** Whether a route needs a verified bearer token. */
enum Access implements RouteRole {
  PUBLIC,
  AUTHENTICATED
}
