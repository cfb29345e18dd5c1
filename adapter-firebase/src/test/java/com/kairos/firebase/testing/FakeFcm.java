package com.kairos.firebase.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for the FCM HTTP v1 endpoint ({@code POST /v1/projects/{project}/messages:send})
 * on a random port. It records every request and answers, in order of precedence: the next queued
 * {@link Response} ({@link #enqueue}), a token-prefix rule ({@link #whenTokenStartsWith}; tokens
 * starting with {@code unregistered-} are UNREGISTERED by default), else 200 with a message name.
 */
public final class FakeFcm implements AutoCloseable {
  private static final Pattern SEND = Pattern.compile("/v1/projects/([^/]+)/messages:send");

  private final HttpServer server;
  private final ExecutorService executor;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition arrived = lock.newCondition();
  private final List<Request> requests = new ArrayList<>();
  private final Deque<Response> queue = new ArrayDeque<>();
  private final Map<String, Response> tokenRules = new LinkedHashMap<>();
  private final AtomicLong messageIds = new AtomicLong();
  private final CountDownLatch closing = new CountDownLatch(1);

  private FakeFcm(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
    tokenRules.put("unregistered-", Response.unregistered());
  }

  /** Starts a fake on a random loopback port. */
  public static FakeFcm start() {
    // Without it the JDK server answers a kept-alive connection ~45 ms late (Nagle's algorithm
    // against the client's delayed ACK), which would throttle a test that sends many pushes.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      ExecutorService executor =
          Executors.newCachedThreadPool(
              r -> {
                Thread t = new Thread(r, "fake-fcm");
                t.setDaemon(true);
                return t;
              });
      FakeFcm fake = new FakeFcm(server, executor);
      server.createContext("/", fake::handle);
      server.setExecutor(executor);
      server.start();
      return fake;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The base URL to use as {@code FCM_API_URL}. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Answers the next requests with {@code responses}, in order, before any token rule. */
  public void enqueue(Response... responses) {
    lock.lock();
    try {
      queue.addAll(List.of(responses));
    } finally {
      lock.unlock();
    }
  }

  /** Answers every message whose token starts with {@code prefix} with {@code response}. */
  public void whenTokenStartsWith(String prefix, Response response) {
    lock.lock();
    try {
      tokenRules.put(prefix, response);
    } finally {
      lock.unlock();
    }
  }

  /** The requests received so far, oldest first. */
  public List<Request> requests() {
    lock.lock();
    try {
      return List.copyOf(requests);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until at least {@code count} requests arrived and returns them all.
   *
   * @throws AssertionError when {@code timeout} passes first, saying how many came
   */
  public List<Request> awaitRequests(int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      while (requests.size() < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError(
              "expected " + count + " FCM requests within " + timeout + ", got " + requests.size());
        }
        arrived.awaitNanos(left);
      }
      return List.copyOf(requests);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for FCM requests", e);
    } finally {
      lock.unlock();
    }
  }

  /** Forgets the recorded requests, the queue and the rules added (the default rule stays). */
  public void reset() {
    lock.lock();
    try {
      requests.clear();
      queue.clear();
      tokenRules.clear();
      tokenRules.put("unregistered-", Response.unregistered());
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    closing.countDown(); // releases answers still being delayed
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body;
      try (InputStream in = exchange.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      String path = exchange.getRequestURI().getRawPath();
      Request request =
          new Request(
              exchange.getRequestMethod(),
              path,
              headers(exchange),
              body,
              parse(body),
              Instant.now());
      Matcher send = SEND.matcher(path);
      Response response;
      lock.lock();
      try {
        requests.add(request);
        arrived.signalAll();
        if (!"POST".equals(request.method()) || !send.matches()) {
          response = Response.error(404, "NOT_FOUND", null, "no such endpoint");
        } else {
          response = answer(request);
        }
      } finally {
        lock.unlock();
      }
      if (!response.delay().isZero()) {
        closing.await(response.delay().toMillis(), TimeUnit.MILLISECONDS);
      }
      String text =
          response.body() != null
              ? response.body()
              : "{\"name\":\"projects/"
                  + (send.matches() ? send.group(1) : "unknown")
                  + "/messages/"
                  + messageIds.incrementAndGet()
                  + "\"}";
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
      response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
      exchange.sendResponseHeaders(response.status(), bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Response answer(Request request) {
    Response queued = queue.poll();
    if (queued != null) {
      return queued;
    }
    String token = request.token();
    if (token != null) {
      for (Map.Entry<String, Response> rule : tokenRules.entrySet()) {
        if (token.startsWith(rule.getKey())) {
          return rule.getValue();
        }
      }
    }
    return Response.ok();
  }

  private static Map<String, List<String>> headers(HttpExchange exchange) {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
    return headers;
  }

  private static JsonObject parse(String body) {
    try {
      JsonElement json = JsonParser.parseString(body);
      return json.isJsonObject() ? json.getAsJsonObject() : null;
    } catch (JsonParseException e) {
      return null;
    }
  }

  /** One recorded request: headers are looked up case-insensitively; {@code json} may be null. */
  public record Request(
      String method,
      String path,
      Map<String, List<String>> headers,
      String body,
      JsonObject json,
      Instant receivedAt) {

    public Optional<String> header(String name) {
      List<String> values = headers.get(name);
      return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** {@code message.token}, or null. */
    public String token() {
      JsonObject message = message();
      return message != null && message.has("token") ? message.get("token").getAsString() : null;
    }

    /** {@code message.data} as strings (FCM data values are strings); empty when absent. */
    public Map<String, String> data() {
      JsonObject message = message();
      Map<String, String> data = new TreeMap<>();
      if (message != null && message.has("data")) {
        message
            .getAsJsonObject("data")
            .entrySet()
            .forEach(e -> data.put(e.getKey(), e.getValue().getAsString()));
      }
      return data;
    }

    private JsonObject message() {
      return json != null && json.has("message") ? json.getAsJsonObject("message") : null;
    }
  }

  /** An answer: status, extra headers, body (null: a success body naming the message). */
  public record Response(int status, Map<String, String> headers, String body, Duration delay) {

    public Response {
      headers = Map.copyOf(headers);
    }

    /** 200 with {@code {"name": "projects/{project}/messages/{n}"}}. */
    public static Response ok() {
      return new Response(200, Map.of(), null, Duration.ZERO);
    }

    /**
     * An FCM v1 error body: {@code {"error": {code, message, status, details: [FcmError]}}}; no
     * FcmError detail when {@code fcmErrorCode} is null.
     */
    public static Response error(int http, String status, String fcmErrorCode, String message) {
      return new Response(
          http, Map.of(), errorBody(http, status, fcmErrorCode, message, ""), Duration.ZERO);
    }

    /** 404 UNREGISTERED: the app was uninstalled or the token expired. */
    public static Response unregistered() {
      return error(404, "NOT_FOUND", "UNREGISTERED", "Requested entity was not found.");
    }

    /** 400 INVALID_ARGUMENT about the token, with a BadRequest field violation on it. */
    public static Response invalidToken() {
      String violation =
          ",{\"@type\":\"type.googleapis.com/google.rpc.BadRequest\",\"fieldViolations\":"
              + "[{\"field\":\"message.token\",\"description\":\"Invalid registration token\"}]}";
      return new Response(
          400,
          Map.of(),
          errorBody(
              400,
              "INVALID_ARGUMENT",
              "INVALID_ARGUMENT",
              "The registration token is not a valid FCM registration token",
              violation),
          Duration.ZERO);
    }

    /** 503 UNAVAILABLE, as FCM answers when overloaded. */
    public static Response unavailable() {
      return error(503, "UNAVAILABLE", "UNAVAILABLE", "The service is currently unavailable.");
    }

    /** A bare status with an empty JSON object as body, as a proxy in front of FCM might send. */
    public static Response status(int http) {
      return new Response(http, Map.of(), "{}", Duration.ZERO);
    }

    public Response withHeader(String name, String value) {
      Map<String, String> more = new LinkedHashMap<>(headers);
      more.put(name, value);
      return new Response(status, more, body, delay);
    }

    /** The same answer, sent only after {@code delay} (or when the fake closes). */
    public Response after(Duration delay) {
      return new Response(status, headers, body, delay);
    }

    private static String errorBody(
        int http, String status, String fcmErrorCode, String message, String moreDetails) {
      String details =
          fcmErrorCode == null
              ? moreDetails.isEmpty() ? "" : moreDetails.substring(1)
              : "{\"@type\":\"type.googleapis.com/google.firebase.fcm.v1.FcmError\","
                  + "\"errorCode\":\""
                  + fcmErrorCode
                  + "\"}"
                  + moreDetails;
      return String.format(
          Locale.ROOT,
          "{\"error\":{\"code\":%d,\"message\":%s,\"status\":\"%s\",\"details\":[%s]}}",
          http,
          new JsonPrimitive(message).toString(),
          status,
          details);
    }
  }
}
