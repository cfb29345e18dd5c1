package com.kairos.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the FCM HTTP v1 API ({@code POST /v1/projects/{project}/messages:send}) on a
 * loopback port: answers 200 with a message name, and records, per (negotiation id, version, token)
 * of the message's {@code data}, the {@link System#nanoTime()} its request arrived (the first
 * arrival when the same push comes twice). Tokens are kept only in memory, never printed.
 */
final class FakeFcm implements AutoCloseable {
  /** One push: what the outbox row names. */
  record Key(String negotiationId, long version, String token) {}

  private static final Pattern SEND = Pattern.compile("/v1/projects/([^/]+)/messages:send");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<Key, Long> received = new ConcurrentHashMap<>();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong unreadable = new AtomicLong();
  private final AtomicLong authorized = new AtomicLong();

  private FakeFcm(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  static FakeFcm start() throws IOException {
    // Without TCP_NODELAY the JDK server writes the response headers and body as two segments and
    // the second waits for the client's delayed ACK: ~40 ms per request on a kept-alive
    // connection, which capped the dispatcher's 8 senders at ~150 pushes/s. Read once, when the
    // first HttpServer of this JVM is created (this is the bench's only one).
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
    // More threads than the dispatcher's 8 senders: the fake never queues a send.
    ExecutorService executor =
        Executors.newFixedThreadPool(
            16,
            r -> {
              Thread t = new Thread(r, "bench-fake-fcm");
              t.setDaemon(true);
              return t;
            });
    FakeFcm fake = new FakeFcm(server, executor);
    server.createContext("/", fake::handle);
    server.setExecutor(executor);
    server.start();
    return fake;
  }

  /** The base URL to give the server as {@code FCM_API_URL}. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    long at = System.nanoTime();
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      Matcher send = SEND.matcher(exchange.getRequestURI().getPath());
      if (!"POST".equals(exchange.getRequestMethod()) || !send.matches()) {
        respond(exchange, 404, "{\"error\":{\"code\":404,\"status\":\"NOT_FOUND\"}}");
        return;
      }
      requests.incrementAndGet();
      if (exchange.getRequestHeaders().containsKey("Authorization")) {
        authorized.incrementAndGet();
      }
      Key key;
      try {
        JsonNode message = JSON.readTree(body).path("message");
        JsonNode data = message.path("data");
        key =
            new Key(
                data.path("negotiation_id").asText(),
                Long.parseLong(data.path("version").asText()),
                message.path("token").asText());
      } catch (IOException | RuntimeException e) {
        unreadable.incrementAndGet();
        respond(exchange, 400, "{\"error\":{\"code\":400,\"status\":\"INVALID_ARGUMENT\"}}");
        return;
      }
      if (received.putIfAbsent(key, at) != null) {
        duplicates.incrementAndGet();
      }
      respond(
          exchange,
          200,
          "{\"name\":\"projects/" + send.group(1) + "/messages/" + requests.get() + "\"}");
    }
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** The first arrival ({@link System#nanoTime()}) of each push received so far. */
  Map<Key, Long> received() {
    return received;
  }

  long requests() {
    return requests.get();
  }

  long duplicates() {
    return duplicates.get();
  }

  long unreadable() {
    return unreadable.get();
  }

  /** Requests that carried an Authorization header (none expected without credentials). */
  long authorized() {
    return authorized.get();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
