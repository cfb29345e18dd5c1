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
    DeviceHandlers d =
        new DeviceHandlers(
            useCases.registerDevice(),
            useCases.listDevices(),
            useCases.removeDevice(),
            schemas,
            envelope);
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
            List.of(400, 401, 413, 415, 422)),
        new Route(
            HandlerType.PUT,
            "/me/devices/{installation_id}",
            d::put,
            true,
            "Register this installation for pushes",
            "put-device.json",
            201,
            "Device",
            "Meta",
            List.of(),
            List.of(400, 401, 413, 415)),
        new Route(
            HandlerType.GET,
            "/me/devices",
            d::list,
            true,
            "My devices",
            null,
            200,
            "Device[]",
            "CountMeta",
            List.of(),
            List.of(401)),
        new Route(
            HandlerType.DELETE,
            "/me/devices/{installation_id}",
            d::delete,
            true,
            "Unregister an installation",
            null,
            204,
            null,
            null,
            List.of(),
            List.of(400, 401)));
  }
}
