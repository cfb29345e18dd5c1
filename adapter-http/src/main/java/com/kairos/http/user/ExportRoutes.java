package com.kairos.http.user;

import com.kairos.application.UseCases;
import com.kairos.application.port.RateLimiter;
import com.kairos.http.route.Routes;

/** {@code GET /me/export}: the caller's data as one streamed JSON document (accounts.md). */
public final class ExportRoutes {
  /** The export's path. */
  public static final String PATH = "/me/export";

  /**
   * The export's own bucket, taken per user on top of the read limit: one export a minute. Its name
   * labels metrics and keeps the bucket apart from the user's others.
   */
  public static final RateLimiter.Limit LIMIT = new RateLimiter.Limit("export", 1, 1);

  private ExportRoutes() {}

  /** Declares {@code GET /me/export}. */
  public static void declare(Routes routes, UseCases useCases) {
    ExportHandler h = new ExportHandler(useCases.exportAccount());
    routes.tag("profile");
    routes
        .get(PATH)
        .operation("exportMyData")
        .summary("Download a copy of my data")
        .description(
            "Everything the server stores about the caller as one JSON document, not wrapped in"
                + " the {data, meta} envelope, sent as an attachment named"
                + " kairos-export-<yyyy-mm-dd>.json (UTC date) and streamed: profile, devices,"
                + " every negotiation as GET /negotiations/{id} returns it, every event, and every"
                + " history line the caller wrote. Blobs exactly as stored. One export per user"
                + " per minute (429 otherwise). A failure once the document has started breaks"
                + " the connection: a download that did not end cleanly is incomplete.")
        .responds(200, "AccountExport", null)
        .limitedTo(LIMIT)
        .errors(401, 429)
        .handler(h::get);
  }
}
