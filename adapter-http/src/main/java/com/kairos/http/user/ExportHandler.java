package com.kairos.http.user;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.kairos.application.account.ExportAccount;
import com.kairos.domain.device.Device;
import com.kairos.domain.event.Event;
import com.kairos.domain.negotiation.Activity;
import com.kairos.domain.negotiation.Negotiation;
import com.kairos.domain.user.UserProfile;
import com.kairos.http.event.EventResources;
import com.kairos.http.json.Json;
import com.kairos.http.json.JsonTime;
import com.kairos.http.negotiation.NegotiationResources;
import com.kairos.http.route.Caller;
import com.kairos.http.route.Envelope;
import com.kairos.http.route.RequestIds;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /me/export}: the document is written with Jackson's streaming generator straight to
 * the response as the use case hands over each item, so memory holds one page at most. An error
 * before the document starts is answered in the error envelope; once it has started, the status is
 * sent and the only honest signal left is to break the connection, so that the client never takes a
 * truncated export for a whole one.
 */
final class ExportHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ExportHandler.class);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

  private static final ObjectWriter ITEM =
      Json.mapper().writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

  private final ExportAccount export;

  ExportHandler(ExportAccount export) {
    this.export = export;
  }

  /** The attachment's file name for an export made at {@code at}: its UTC date. */
  static String fileName(Instant at) {
    return "kairos-export-" + DAY.format(at) + ".json";
  }

  void get(Context ctx) {
    Writer writer = new Writer(ctx);
    try {
      export.export(Caller.of(ctx), ProfileHandlers.firstLanguageTag(ctx), writer);
    } catch (RuntimeException | Error e) {
      if (!writer.started) {
        throw e; // nothing written: the usual error envelope
      }
      if (!ctx.res().isCommitted()) {
        // Written only into buffers so far: drop it and answer the usual error envelope.
        ctx.res().resetBuffer();
        ctx.res().setHeader("Content-Disposition", null);
        throw e;
      }
      LOG.atError()
          .addKeyValue("request_id", RequestIds.of(ctx))
          .setCause(e)
          .log("export failed after the document started; connection closed");
      ServletContextRequest.getServletContextRequest(ctx.req())
          .getConnectionMetaData()
          .getConnection()
          .getEndPoint()
          .close(e);
    }
  }

  /** The export document, written as the use case walks the caller's data. */
  private static final class Writer implements ExportAccount.Sink {
    private final Context ctx;
    private JsonGenerator json;
    boolean started;

    Writer(Context ctx) {
      this.ctx = ctx;
    }

    @Override
    public void begin(Instant exportedAt, UserProfile profile, List<Device> devices) {
      started = true;
      ctx.status(200);
      ctx.contentType(Envelope.JSON);
      ctx.header("Content-Disposition", "attachment; filename=\"" + fileName(exportedAt) + "\"");
      io(
          () -> {
            // The servlet's own stream: what is still buffered can be dropped if a read fails.
            json = Json.mapper().createGenerator(ctx.res().getOutputStream());
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            json.writeStringField("exported_at", JsonTime.format(exportedAt));
            json.writeFieldName("user");
            write(ProfileJson.of(profile));
            json.writeArrayFieldStart("devices");
            for (Device device : devices) {
              write(DeviceJson.of(device));
            }
            json.writeEndArray();
          });
    }

    @Override
    public void startNegotiations() {
      io(() -> json.writeArrayFieldStart("negotiations"));
    }

    @Override
    public void negotiation(Negotiation negotiation) {
      io(() -> write(NegotiationResources.of(negotiation)));
    }

    @Override
    public void startEvents() {
      io(
          () -> {
            json.writeEndArray();
            json.writeArrayFieldStart("events");
          });
    }

    @Override
    public void event(Event event) {
      io(() -> write(EventResources.of(event)));
    }

    @Override
    public void startActivity() {
      io(
          () -> {
            json.writeEndArray();
            json.writeArrayFieldStart("activity");
          });
    }

    @Override
    public void activity(Activity line) {
      io(() -> write(ExportedActivityJson.of(line)));
    }

    @Override
    public void end() {
      io(
          () -> {
            json.writeEndArray();
            json.writeEndObject();
            json.close(); // flushes; the response stream stays Javalin's to finish
          });
    }

    /** One item, through the API's mapper, left in the buffers (no flush per item). */
    private void write(Object item) throws IOException {
      ITEM.writeValue(json, item);
    }

    private interface Write {
      void run() throws IOException;
    }

    private static void io(Write write) {
      try {
        write.run();
      } catch (IOException e) {
        throw new UncheckedIOException("the export could not be written", e);
      }
    }
  }
}
