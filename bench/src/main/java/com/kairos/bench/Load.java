package com.kairos.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * A closed-loop load generator: N clients, each on its own keep-alive connection ({@link RawHttp}),
 * send the next request as soon as one answers.
 */
final class Load {
  /** One request to send. */
  record Call(String method, String path, String token, String body) {}

  /** What one scenario at one concurrency measured. */
  record Result(
      String scenario,
      int clients,
      long requests,
      double seconds,
      long p50Micros,
      long p95Micros,
      long p99Micros,
      long maxMicros,
      Map<Integer, Long> statuses,
      double serverCpuCores,
      long peakRssMib) {
    double rps() {
      return requests / seconds;
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String base;
  private final int port;

  Load(int port) {
    this.base = "http://127.0.0.1:" + port;
    this.port = port;
  }

  /**
   * Warms up, then measures for {@code measure}. {@code next} makes each client's next call from
   * the previous answer (status and body), so scenarios can follow versions.
   */
  /** Load with nothing recorded, for {@code length}: a warm-up of its own. */
  void warm(
      int clients,
      Duration length,
      Function<ThreadLocalRandom, Call> next,
      java.util.function.BiConsumer<Call, HttpResponse<String>> observe)
      throws InterruptedException {
    drive(clients, length, next, observe, null);
  }

  Result run(
      String scenario,
      int clients,
      Duration warmup,
      Duration measure,
      ServerProcess server,
      Function<ThreadLocalRandom, Call> next,
      java.util.function.BiConsumer<Call, HttpResponse<String>> observe)
      throws InterruptedException {
    drive(clients, warmup, next, observe, null);
    Duration cpuBefore = server.cpuTime();
    long started = System.nanoTime();
    List<long[]> latencies = new ArrayList<>();
    Map<Integer, Long> statuses = new TreeMap<>();
    drive(clients, measure, next, observe, new Sink(latencies, statuses));
    double seconds = (System.nanoTime() - started) / 1e9;
    double cpu = (server.cpuTime().toMillis() - cpuBefore.toMillis()) / 1000.0 / seconds;
    long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    return new Result(
        scenario,
        clients,
        all.length,
        seconds,
        percentile(all, 0.50),
        percentile(all, 0.95),
        percentile(all, 0.99),
        all.length == 0 ? 0 : all[all.length - 1],
        statuses,
        cpu,
        server.peakRssMib());
  }

  private record Sink(List<long[]> latencies, Map<Integer, Long> statuses) {}

  private void drive(
      int clients,
      Duration length,
      Function<ThreadLocalRandom, Call> next,
      java.util.function.BiConsumer<Call, HttpResponse<String>> observe,
      Sink sink)
      throws InterruptedException {
    long deadline = System.nanoTime() + length.toNanos();
    CountDownLatch done = new CountDownLatch(clients);
    for (int c = 0; c < clients; c++) {
      Thread worker =
          new Thread(
              () -> {
                long[] mine = new long[1 << 16];
                int count = 0;
                Map<Integer, Long> codes = new TreeMap<>();
                ThreadLocalRandom random = ThreadLocalRandom.current();
                try (RawHttp connection = new RawHttp("127.0.0.1", port)) {
                  while (System.nanoTime() < deadline) {
                    Call call = next.apply(random);
                    long t0 = System.nanoTime();
                    HttpResponse<String> response = connection.send(call);
                    long micros = (System.nanoTime() - t0) / 1000;
                    observe.accept(call, response);
                    if (count == mine.length) {
                      mine = Arrays.copyOf(mine, mine.length * 2);
                    }
                    mine[count++] = micros;
                    codes.merge(response.statusCode(), 1L, Long::sum);
                  }
                } catch (Exception e) {
                  codes.merge(-1, 1L, Long::sum);
                } finally {
                  if (sink != null) {
                    synchronized (sink) {
                      sink.latencies().add(Arrays.copyOf(mine, count));
                      codes.forEach((k, v) -> sink.statuses().merge(k, v, Long::sum));
                    }
                  }
                  done.countDown();
                }
              });
      worker.setDaemon(true);
      worker.start();
    }
    done.await();
  }

  HttpResponse<String> send(Call call) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + call.path()))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + call.token());
    if (call.body() != null) {
      request.header("Content-Type", "application/json");
      request.method(call.method(), HttpRequest.BodyPublishers.ofString(call.body()));
    } else {
      request.method(call.method(), HttpRequest.BodyPublishers.noBody());
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static long percentile(long[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
