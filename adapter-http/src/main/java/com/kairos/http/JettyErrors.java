package com.kairos.http;

import com.kairos.http.json.ApiError;
import com.kairos.http.route.Envelope;
import com.kairos.http.route.RequestIds;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Errors Jetty answers by itself, before a request reaches Javalin (oversized headers, a bad {@code
 * Content-Length}, a request that timed out, the load shedder), written in the canonical envelope
 * with a request id instead of Jetty's HTML page. Jetty's message is never echoed: it can quote the
 * request.
 */
final class JettyErrors extends ErrorHandler {
  private static final Logger LOG = LoggerFactory.getLogger("kairos.request");
  private final String requestIdHeader;

  JettyErrors(String requestIdHeader) {
    this.requestIdHeader = requestIdHeader;
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    String requestId = RequestIds.fresh();
    ApiError error = forStatus(code, requestId);
    response.setStatus(code);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Envelope.JSON);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.getHeaders().put(requestIdHeader, requestId);
    response.getHeaders().put("Kairos-API-Version", Envelope.API_VERSION);
    error.headers().forEach((name, value) -> response.getHeaders().put(name, value));
    LOG.atLevel(RequestLog.level(code))
        .addKeyValue("request_id", requestId)
        .addKeyValue("status_code", code)
        .log("request refused by the HTTP server");
    byte[] body = Envelope.errorBody(error).getBytes(StandardCharsets.UTF_8);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  /** The envelope for a status Jetty produced. */
  static ApiError forStatus(int code, String requestId) {
    switch (code) {
      case 400:
        return ApiError.validation("request", "malformed_request", "The request is not valid HTTP");
      case 408:
        return Admission.timeout();
      case 413:
        return AccessFilter.tooLarge();
      case 414:
        return new ApiError(414, "uri_too_long", "The request URI is too long", Map.of(), null);
      case 431:
        return new ApiError(
            431, "headers_too_large", "The request headers are too large", Map.of(), null);
      case 503:
        return Admission.atCapacity();
      default:
        if (code >= 500) {
          return new ApiError(
              code,
              "internal_error",
              "Something went wrong on our side",
              Map.of("request_id", requestId),
              null);
        }
        return new ApiError(code, "http_error", "The request could not be handled", Map.of(), null);
    }
  }
}
