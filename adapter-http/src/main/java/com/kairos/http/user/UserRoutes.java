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
    AccountHandlers account = new AccountHandlers(useCases.deleteAccount());
    routes
        .delete("/me")
        .operation("deleteMyAccount")
        .summary("Delete my account")
        .description(
            "Deletes the caller's account at once and for good: profile, devices, events, their"
                + " encrypted payloads; their open negotiations are cancelled (owner_deleted) and"
                + " they leave everyone else's. Needs a sign-in at most 5 minutes old (else 403"
                + " recent_login_required); afterwards every token issued before is refused (401"
                + " revoked_token), on every instance.")
        .responds(204, null)
        .errors(401, 403)
        .handler(account::delete);
    DeviceHandlers d =
        new DeviceHandlers(
            useCases.registerDevice(),
            useCases.listDevices(),
            useCases.removeDevice(),
            schemas,
            envelope);
    routes.tag("devices");
    routes
        .put("/me/devices/{installation_id}")
        .operation("registerDevice")
        .summary("Register this installation for pushes")
        .description(
            "Registers or refreshes this installation's push token: 201 when new, 200 after."
                + " A push token belongs to one device: registering it elsewhere moves it. At"
                + " most 20 devices; a 21st replaces the one seen least recently.")
        .body("put-device.json")
        .responds(201, "Device")
        .errors(400, 401, 413, 415)
        .handler(d::put);
    routes
        .get("/me/devices")
        .operation("listDevices")
        .summary("My devices")
        .description("The caller's devices, most recently seen first (token_suffix only).")
        .responds(200, "Device[]", "CountMeta")
        .errors(401)
        .handler(d::list);
    routes
        .delete("/me/devices/{installation_id}")
        .operation("removeDevice")
        .summary("Unregister an installation")
        .description("Unregisters an installation (204, also when already absent).")
        .responds(204, null)
        .errors(400, 401)
        .handler(d::delete);
  }
}
