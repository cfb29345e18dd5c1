package com.kairos.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The server jar run as a child process, with its CPU time and peak RSS read from /proc. */
final class ServerProcess implements AutoCloseable {
  private static final long TICKS_PER_SECOND = 100; // Linux USER_HZ
  private final Process process;
  final int port;

  private ServerProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * The Fastify peer ({@code node server.js} in {@code dir}), ready once its port answers a request
   * for {@code probePath} with any HTTP status.
   */
  static ServerProcess startNode(
      Path dir, Map<String, String> env, int port, Path log, String probePath)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder("node", "server.js").directory(dir.toFile());
    builder.environment().putAll(env);
    builder.environment().put("PORT", String.valueOf(port));
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    Process process = builder.start();
    HttpClient client = HttpClient.newHttpClient();
    for (int i = 0; i < 60; i++) {
      try {
        client.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + probePath)).build(),
            HttpResponse.BodyHandlers.discarding());
        return new ServerProcess(process, port);
      } catch (IOException e) {
        // not up yet
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("the peer exited; see " + log);
      }
      Thread.sleep(500);
    }
    process.destroyForcibly();
    throw new IllegalStateException("the peer did not come up; see " + log);
  }

  static ServerProcess start(Path jar, Map<String, String> env, int port, Path log)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                // The production image's flags (Dockerfile), with the heap sized as a 512 MiB
                // container would size it.
                "java",
                "-XX:+UseSerialGC",
                "-Xmx204m",
                "-Xms51m",
                "-Xss512k",
                "-XX:ReservedCodeCacheSize=64m",
                "-XX:MaxMetaspaceSize=128m",
                "-XX:MaxDirectMemorySize=64m"));
    String extra = System.getenv("BENCH_SERVER_JAVA_OPTS"); // e.g. a JFR recording
    if (extra != null && !extra.isBlank()) {
      command.addAll(Arrays.asList(extra.strip().split("\\s+")));
    }
    command.addAll(List.of("-jar", jar.toString()));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(env);
    builder.environment().put("PORT", String.valueOf(port));
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    Process process = builder.start();
    HttpClient client = HttpClient.newHttpClient();
    for (int i = 0; i < 120; i++) {
      try {
        HttpResponse<Void> r =
            client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready")).build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return new ServerProcess(process, port);
        }
      } catch (IOException e) {
        // not up yet
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("the server exited; see " + log);
      }
      Thread.sleep(500);
    }
    process.destroyForcibly();
    throw new IllegalStateException("the server did not become ready; see " + log);
  }

  /** User + system CPU time consumed so far. */
  Duration cpuTime() {
    try {
      String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      return Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND);
    } catch (IOException | RuntimeException e) {
      return Duration.ZERO;
    }
  }

  /** Peak resident set size in MiB (VmHWM). */
  long peakRssMib() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (IOException e) {
      // not on Linux
    }
    return -1;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy(); // SIGTERM: graceful shutdown
    if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
