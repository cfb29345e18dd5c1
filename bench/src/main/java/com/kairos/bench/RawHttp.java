package com.kairos.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSession;

/**
 * One HTTP/1.1 keep-alive connection for one closed-loop client: the request written in one call,
 * the response read with a plain parser (status line, Content-Length or chunked body). The JDK's
 * {@link HttpClient} spent about as much CPU per request as the servers it measured, on the same
 * two cores; this costs a fraction of that, so more of the machine goes to the server under test
 * (as with pgbench, the C client it is compared with).
 */
final class RawHttp implements AutoCloseable {
  private final String host;
  private final int port;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  RawHttp(String host, int port) {
    this.host = host;
    this.port = port;
  }

  /** Sends {@code call} and reads its whole response, reconnecting when the server closed. */
  HttpResponse<String> send(Load.Call call) throws IOException {
    byte[] request = encode(call);
    if (socket == null) {
      connect();
    }
    try {
      out.write(request);
      out.flush();
      if (!awaitFirstByte()) {
        throw new StaleConnection();
      }
    } catch (StaleConnection | java.net.SocketException stale) {
      // A keep-alive connection the server had closed while idle, before any byte of an answer:
      // the request never reached it, so one fresh attempt is safe. A timeout or a response cut
      // short is not retried (the server may have acted on a POST): it fails the client.
      close();
      connect();
      out.write(request);
      out.flush();
    }
    return read();
  }

  /** Thrown when the connection ended before the first byte of a response. */
  private static final class StaleConnection extends IOException {
    StaleConnection() {
      super("the server closed the connection before answering");
    }
  }

  /** Waits for the response's first byte; false when the connection ended first. */
  private boolean awaitFirstByte() throws IOException {
    in.mark(1);
    int first = in.read();
    if (first < 0) {
      return false;
    }
    in.reset();
    return true;
  }

  private void connect() throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(30_000);
    socket.connect(new InetSocketAddress(host, port), 5_000);
    in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    out = socket.getOutputStream();
  }

  private byte[] encode(Load.Call call) {
    StringBuilder head = new StringBuilder(1200);
    head.append(call.method()).append(' ').append(call.path()).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(host).append(':').append(port).append("\r\n");
    head.append("Authorization: Bearer ").append(call.token()).append("\r\n");
    byte[] body = call.body() == null ? null : call.body().getBytes(StandardCharsets.UTF_8);
    if (body != null) {
      head.append("Content-Type: application/json\r\n");
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
    if (body == null) {
      return headBytes;
    }
    byte[] all = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, all, 0, headBytes.length);
    System.arraycopy(body, 0, all, headBytes.length, body.length);
    return all;
  }

  private HttpResponse<String> read() throws IOException {
    String status = line();
    if (!status.startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP response: " + status);
    }
    int code = Integer.parseInt(status.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    boolean closing = false;
    for (String header = line(); !header.isEmpty(); header = line()) {
      int colon = header.indexOf(':');
      if (colon < 0) {
        throw new IOException("a header line without a colon");
      }
      String name = header.substring(0, colon).trim();
      String value = header.substring(colon + 1).trim();
      if (name.equalsIgnoreCase("Content-Length")) {
        length = Long.parseLong(value);
      } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
        chunked = value.equalsIgnoreCase("chunked");
      } else if (name.equalsIgnoreCase("Connection")) {
        closing = value.equalsIgnoreCase("close");
      }
    }
    byte[] body;
    if (code == 204 || code == 304) {
      body = new byte[0];
    } else if (chunked) {
      body = chunkedBody();
    } else if (length >= 0) {
      body = in.readNBytes((int) length);
      if (body.length != length) {
        throw new IOException("the connection closed inside a body");
      }
    } else {
      body = in.readAllBytes();
      closing = true;
    }
    if (closing) {
      close();
    }
    return new Response(code, body);
  }

  private byte[] chunkedBody() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String size = line();
      int semicolon = size.indexOf(';');
      int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
      if (n == 0) {
        while (!line().isEmpty()) {
          // trailers
        }
        return body.toByteArray();
      }
      body.write(in.readNBytes(n));
      line();
    }
  }

  private String line() throws IOException {
    StringBuilder line = new StringBuilder(64);
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("the connection closed");
      }
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
      socket = null;
    }
  }

  /** What the scenarios' observers read of a response: its status and its body as text. */
  private record Response(int statusCode, byte[] bytes) implements HttpResponse<String> {
    @Override
    public String body() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public HttpRequest request() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<HttpResponse<String>> previousResponse() {
      return Optional.empty();
    }

    @Override
    public HttpHeaders headers() {
      return HttpHeaders.of(Map.of(), (a, b) -> true);
    }

    @Override
    public Optional<SSLSession> sslSession() {
      return Optional.empty();
    }

    @Override
    public URI uri() {
      throw new UnsupportedOperationException();
    }

    @Override
    public HttpClient.Version version() {
      return HttpClient.Version.HTTP_1_1;
    }
  }
}
