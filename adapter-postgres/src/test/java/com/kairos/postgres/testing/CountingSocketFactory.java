package com.kairos.postgres.testing;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.SocketFactory;

/**
 * A socket factory for the PostgreSQL driver ({@code socketFactory=} in the JDBC URL) that reads
 * the frontend protocol the driver writes and counts the statements PostgreSQL receives: every
 * simple query ({@code Q}) and every execute of the extended protocol ({@code E}), including what
 * the driver sends on its own ({@code BEGIN}, {@code SHOW TRANSACTION ISOLATION LEVEL}).
 */
public final class CountingSocketFactory extends SocketFactory {
  private static final AtomicLong STATEMENTS = new AtomicLong();

  public static long statements() {
    return STATEMENTS.get();
  }

  @Override
  public Socket createSocket() {
    return new CountingSocket();
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    Socket s = new CountingSocket();
    s.connect(new java.net.InetSocketAddress(host, port));
    return s;
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress local, int localPort)
      throws IOException {
    return createSocket(host, port);
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return createSocket(host.getHostAddress(), port);
  }

  @Override
  public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort)
      throws IOException {
    return createSocket(host.getHostAddress(), port);
  }

  private static final class CountingSocket extends Socket {
    private OutputStream out;

    @Override
    public synchronized OutputStream getOutputStream() throws IOException {
      if (out == null) {
        out = new MessageCounter(super.getOutputStream());
      }
      return out;
    }
  }

  /**
   * Follows message boundaries: untyped messages (SSL/GSS requests, the startup message) until the
   * startup message, then a type byte and a length before every message.
   */
  private static final class MessageCounter extends FilterOutputStream {
    private static final int PROTOCOL_3 = 196608;
    private boolean started;
    private final byte[] header = new byte[8];
    private int filled;
    private long skip;

    MessageCounter(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      consume((byte) b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      for (int i = off; i < off + len; i++) {
        consume(b[i]);
      }
    }

    private void consume(byte b) {
      if (skip > 0) {
        skip--;
        return;
      }
      header[filled++] = b;
      if (!started && filled == 8) {
        int length = readInt(0);
        started = readInt(4) == PROTOCOL_3;
        skip = length - 8L;
        filled = 0;
      } else if (started && filled == 5) {
        char type = (char) header[0];
        if (type == 'Q' || type == 'E') {
          STATEMENTS.incrementAndGet();
        }
        skip = readInt(1) - 4L;
        filled = 0;
      }
    }

    private int readInt(int at) {
      return ((header[at] & 0xff) << 24)
          | ((header[at + 1] & 0xff) << 16)
          | ((header[at + 2] & 0xff) << 8)
          | (header[at + 3] & 0xff);
    }
  }
}
