package com.kairos.bootstrap;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * An OTLP/HTTP endpoint ({@code POST /v1/traces}, protobuf) on a random loopback port that keeps
 * the spans it receives, decoded with a minimal protobuf reader (the few fields tests look at).
 */
final class FakeOtlpReceiver implements AutoCloseable {
  /** One received span: ids in lowercase hex (parent empty for a root), attributes as text. */
  record ReceivedSpan(
      String traceId,
      String spanId,
      String parentSpanId,
      String name,
      int kind,
      Map<String, String> attributes) {}

  private final HttpServer server;
  private final List<ReceivedSpan> spans = new ArrayList<>();

  private FakeOtlpReceiver(HttpServer server) {
    this.server = server;
  }

  static FakeOtlpReceiver start() throws IOException {
    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    FakeOtlpReceiver receiver = new FakeOtlpReceiver(http);
    http.createContext(
        "/v1/traces",
        exchange -> {
          try (InputStream in = exchange.getRequestBody()) {
            receiver.add(in.readAllBytes());
          }
          exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
          exchange.sendResponseHeaders(200, 0);
          exchange.close();
        });
    http.start();
    return receiver;
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private synchronized void add(byte[] request) {
    for (byte[] resourceSpans : fields(request, 1)) {
      for (byte[] scopeSpans : fields(resourceSpans, 2)) {
        for (byte[] span : fields(scopeSpans, 2)) {
          spans.add(decode(span));
        }
      }
    }
    notifyAll();
  }

  /** Waits (at most ten seconds) until the spans of {@code traceId} satisfy {@code done}. */
  synchronized List<ReceivedSpan> awaitTrace(String traceId, Predicate<List<ReceivedSpan>> done)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (true) {
      List<ReceivedSpan> trace = spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
      long left = Duration.between(Instant.now(), deadline).toMillis();
      if (done.test(trace) || left <= 0) {
        return trace;
      }
      wait(left);
    }
  }

  /** Waits (at most ten seconds) for a span that satisfies {@code wanted}. */
  synchronized ReceivedSpan await(Predicate<ReceivedSpan> wanted) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (true) {
      var found = spans.stream().filter(wanted).findFirst();
      long left = Duration.between(Instant.now(), deadline).toMillis();
      if (found.isPresent()) {
        return found.get();
      }
      if (left <= 0) {
        throw new AssertionError("no such span among " + spans);
      }
      wait(left);
    }
  }

  synchronized List<ReceivedSpan> all() {
    return List.copyOf(spans);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private static ReceivedSpan decode(byte[] span) {
    HexFormat hex = HexFormat.of();
    Map<String, String> attributes = new TreeMap<>();
    for (byte[] kv : fields(span, 9)) {
      String key = new String(first(kv, 1), StandardCharsets.UTF_8);
      attributes.put(key, anyValue(first(kv, 2)));
    }
    return new ReceivedSpan(
        hex.formatHex(first(span, 1)),
        hex.formatHex(first(span, 2)),
        hex.formatHex(first(span, 4)),
        new String(first(span, 5), StandardCharsets.UTF_8),
        (int) varintField(span, 6),
        attributes);
  }

  /** An AnyValue as text: string (1), bool (2) or int (3); other kinds are not used here. */
  private static String anyValue(byte[] value) {
    Reader r = new Reader(value);
    while (r.more()) {
      int tag = (int) r.varint();
      switch (tag) {
        case (1 << 3) | 2:
          return new String(r.bytes(), StandardCharsets.UTF_8);
        case (2 << 3):
          return r.varint() != 0 ? "true" : "false";
        case (3 << 3):
          return Long.toString(r.varint());
        default:
          r.skip(tag & 7);
      }
    }
    return "";
  }

  private static byte[] first(byte[] message, int field) {
    List<byte[]> all = fields(message, field);
    return all.isEmpty() ? new byte[0] : all.get(0);
  }

  /** Every length-delimited occurrence of {@code field} in {@code message}. */
  private static List<byte[]> fields(byte[] message, int field) {
    List<byte[]> found = new ArrayList<>();
    Reader r = new Reader(message);
    while (r.more()) {
      int tag = (int) r.varint();
      if (tag >>> 3 == field && (tag & 7) == 2) {
        found.add(r.bytes());
      } else {
        r.skip(tag & 7);
      }
    }
    return found;
  }

  private static long varintField(byte[] message, int field) {
    Reader r = new Reader(message);
    while (r.more()) {
      int tag = (int) r.varint();
      if (tag >>> 3 == field && (tag & 7) == 0) {
        return r.varint();
      }
      r.skip(tag & 7);
    }
    return 0;
  }

  /** The protobuf wire format, just enough of it. */
  private static final class Reader {
    private final ByteBuffer in;

    Reader(byte[] bytes) {
      in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    boolean more() {
      return in.hasRemaining();
    }

    long varint() {
      long value = 0;
      for (int shift = 0; ; shift += 7) {
        byte b = in.get();
        value |= (long) (b & 0x7f) << shift;
        if (b >= 0) {
          return value;
        }
      }
    }

    byte[] bytes() {
      byte[] out = new byte[(int) varint()];
      in.get(out);
      return out;
    }

    void skip(int wireType) {
      switch (wireType) {
        case 0 -> varint();
        case 1 -> in.position(in.position() + 8);
        case 2 -> bytes();
        case 5 -> in.position(in.position() + 4);
        default -> throw new IllegalStateException("wire type " + wireType);
      }
    }
  }
}
