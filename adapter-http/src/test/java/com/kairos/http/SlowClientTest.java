package com.kairos.http;

import static com.kairos.domain.testing.Fixtures.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kairos.http.testing.ApiClient;
import com.kairos.http.testing.ApiTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Clients that are slow or speak broken HTTP, over a raw socket: a trickling or stalled body is cut
 * off with a 408 in the envelope while the server keeps answering others, and the errors Jetty
 * produces by itself (431, 400) are in the envelope too, with a request id.
 */
class SlowClientTest extends ApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected ApiSettings.Capacity capacity() {
    return new ApiSettings.Capacity(10, 10, Duration.ofMillis(500), 8, 256, Duration.ofSeconds(1));
  }

  private Socket open() throws IOException {
    Socket socket = new Socket("127.0.0.1", api.port());
    socket.setSoTimeout(15_000);
    return socket;
  }

  private static String head(String method, String path, String... headers) {
    StringBuilder text =
        new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n");
    for (String h : headers) {
      text.append(h).append("\r\n");
    }
    return text.append("\r\n").toString();
  }

  private static String bearer() {
    return "Authorization: " + ApiClient.auth(ALICE).get("Authorization");
  }

  /** Everything the server sends until it closes the connection or the response is complete. */
  private static String readResponse(Socket socket) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    InputStream in = socket.getInputStream();
    byte[] buffer = new byte[4096];
    try {
      for (int n; (n = in.read(buffer)) != -1; ) {
        out.write(buffer, 0, n);
        String text = out.toString(StandardCharsets.UTF_8);
        if (text.contains("\r\n\r\n") && text.trim().endsWith("}")) {
          break;
        }
      }
    } catch (SocketException reset) {
      // the server may reset after answering; what arrived is the answer
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static JsonNode body(String response) throws IOException {
    return JSON.readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
  }

  private static void assertEnvelope(String response, int status, String code) throws IOException {
    assertThat(response).startsWith("HTTP/1.1 " + status);
    assertThat(response.toLowerCase()).contains("content-type: application/json");
    assertThat(response.toLowerCase()).containsPattern("x-request-id: [0-9a-f-]{36}");
    assertThat(response.toLowerCase()).contains("cache-control: no-store");
    assertThat(body(response).get("error").get("code").asText()).isEqualTo(code);
  }

  @Test
  void aTricklingBodyIsCutOffWhileOthersAreServed() throws Exception {
    try (Socket socket = open()) {
      OutputStream out = socket.getOutputStream();
      out.write(
          head(
                  "POST",
                  "/negotiate/start",
                  bearer(),
                  "Content-Type: application/json",
                  "Content-Length: 400")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String response = null;
      for (int i = 0; i < 40 && response == null; i++) {
        try {
          out.write('{');
          out.flush();
        } catch (SocketException closed) {
          break; // cut off: the answer is waiting to be read
        }
        assertThat(client.get("/health", null).status()).isEqualTo(200);
        if (socket.getInputStream().available() > 0) {
          break;
        }
        Thread.sleep(250); // the trickle itself: one byte every quarter second
      }
      response = readResponse(socket);
      assertEnvelope(response, 408, "request_timeout");
    }
    assertThat(client.get("/me", ALICE).status()).isEqualTo(200);
  }

  @Test
  void aStalledBodyTimesOutWithAnEnvelope() throws Exception {
    try (Socket socket = open()) {
      OutputStream out = socket.getOutputStream();
      out.write(
          (head(
                      "POST",
                      "/events",
                      bearer(),
                      "Content-Type: application/json",
                      "Content-Length: 300")
                  + "{\"id\":")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String response = readResponse(socket);
      assertEnvelope(response, 408, "request_timeout");
    }
  }

  @Test
  void oversizedHeadersAreRefusedInTheEnvelope() throws Exception {
    try (Socket socket = open()) {
      socket
          .getOutputStream()
          .write(head("GET", "/me", "X-Filler: " + "a".repeat(40_000)).getBytes());
      String response = readResponse(socket);
      assertEnvelope(response, 431, "headers_too_large");
    }
  }

  @Test
  void aBadContentLengthIsAValidationErrorInTheEnvelope() throws Exception {
    try (Socket socket = open()) {
      socket
          .getOutputStream()
          .write(
              head(
                      "POST",
                      "/negotiate/start",
                      "Content-Type: application/json",
                      "Content-Length: x1")
                  .getBytes());
      String response = readResponse(socket);
      assertEnvelope(response, 400, "validation_error");
      JsonNode details = body(response).get("error").get("details");
      assertThat(details.get("reason").asText()).isEqualTo("malformed_request");
    }
  }
}
