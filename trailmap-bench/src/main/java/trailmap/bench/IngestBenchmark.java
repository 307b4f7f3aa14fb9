package trailmap.bench;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import trailmap.eventlog.EventLog;
import trailmap.eventlog.FileEventLog;

/**
 * Ingestion load generator: posts {@code /v1/batch} to a running Trailmap server (another process)
 * and, in the same run, writes the same events straight into a bare {@link FileEventLog} (the
 * floor: durable storage with no HTTP, no parsing, no validation). Reports events/s with durable
 * acknowledgement at full load, and p50/p99 acknowledgement latency at a fixed rate, each with the
 * ratio to the floor.
 *
 * <p>Fixed-rate runs are open-loop: each batch is due at its own time and its latency is measured
 * from that time, so a stalled server cannot hide its backlog (no coordinated omission).
 *
 * <pre>
 * java -cp trailmap-bench/target/trailmap-bench.jar trailmap.bench.IngestBenchmark \
 *   --url http://127.0.0.1:7070 --write-key KEY [--seconds 15] [--rate 20000] [--batch 100]
 * </pre>
 */
public final class IngestBenchmark {
  private final Options options;

  private IngestBenchmark(Options options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    new IngestBenchmark(options).run();
  }

  private void run() throws Exception {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();
    Path floorDir = Files.createTempDirectory("trailmap-floor");
    // Open-loop runs may have more batches in flight than closed-loop ones; a few spare
    // connections keep a burst from queueing behind the pool rather than behind the server.
    try (ConnectionPool connections =
            new ConnectionPool(options.url, options.writeKey, options.inFlight * 2);
        EventLog floorLog = FileEventLog.open(floorDir)) {
      Sender http = batch -> post(connections, batch);
      Sender floor =
          new Sender() {
            @Override
            public void send(Workload.Batch batch) {
              floorLog.append(batch.events()).join();
            }

            @Override
            public boolean needsEvents() {
              return true;
            }
          };

      System.out.printf(
          Locale.ROOT,
          "ingestion benchmark: batches of %d events, %d s per run after %d s warm-up, %d in flight%n",
          options.batch,
          options.seconds,
          options.warmup,
          options.inFlight);
      // The server's profile processor follows the log on the same two cores; each HTTP run
      // starts only after it has caught up, so no run pays for the one before it.
      ProfileLag lag = new ProfileLag(client, options.url);
      if (options.serverWarmup > 0) {
        // A fresh server JVM spends its first half minute compiling (7,000+ methods: Jetty,
        // Jackson, SQLite); that is start-up, not the steady state the figures describe.
        System.out.printf(
            Locale.ROOT, "warming the server up for %d s (not measured)%n", options.serverWarmup);
        closedLoop("server warm-up", http, options.serverWarmup, 0);
      }
      lag.awaitZero();
      Result httpMax = closedLoop("http", http);
      ProfileLag.CatchUp afterMax = lag.awaitZero();
      Result floorMax = closedLoop("floor", floor);
      Result httpRate = openLoop("http", http, options.rate);
      ProfileLag.CatchUp afterRate = lag.awaitZero();
      Result floorRate = openLoop("floor", floor, options.rate);

      System.out.println();
      System.out.println("run                        events/s    p50 ms    p99 ms   errors");
      for (Result r : List.of(httpMax, floorMax, httpRate, floorRate)) {
        System.out.println(r.line());
      }
      System.out.printf(
          Locale.ROOT,
          "%nthroughput: HTTP %.0f events/s = %.2f x the bare store's %.0f events/s%n",
          httpMax.eventsPerSecond(),
          httpMax.eventsPerSecond() / floorMax.eventsPerSecond(),
          floorMax.eventsPerSecond());
      System.out.printf(
          Locale.ROOT,
          "latency at %,d events/s: HTTP p50 %.1f ms, p99 %.1f ms; bare store p50 %.1f ms, p99 %.1f ms"
              + " (p99 ratio %.2f)%n",
          options.rate,
          httpRate.latencies().percentileMillis(0.50),
          httpRate.latencies().percentileMillis(0.99),
          floorRate.latencies().percentileMillis(0.50),
          floorRate.latencies().percentileMillis(0.99),
          httpRate.latencies().percentileMillis(0.99)
              / floorRate.latencies().percentileMillis(0.99));
      System.out.println(afterMax.line("after http max"));
      System.out.println(afterRate.line("after http @ rate"));
    }
  }

  /** Sends one batch and returns when it is acknowledged; throws when it is not. */
  interface Sender {
    void send(Workload.Batch batch) throws Exception;

    /** Whether it sends core events (the floor) rather than the JSON body. */
    default boolean needsEvents() {
      return false;
    }
  }

  private static void post(ConnectionPool connections, Workload.Batch batch) throws Exception {
    int status = connections.post(batch.body());
    if (status != 200) {
      throw new IllegalStateException("HTTP " + status + " for a batch of " + batch.size());
    }
  }

  /** As fast as it goes: {@code inFlight} senders, each sending its next batch when acked. */
  private Result closedLoop(String target, Sender sender) throws InterruptedException {
    return closedLoop(target + " max", sender, options.warmup, options.seconds);
  }

  private Result closedLoop(String name, Sender sender, int warmupSeconds, int seconds)
      throws InterruptedException {
    Workload workload = new Workload(42, name.replace(' ', '-') + "-" + System.nanoTime());
    AtomicLong acked = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    List<Latencies> perSender = new ArrayList<>();
    long warmupEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
    long end = warmupEnd + seconds * 1_000_000_000L;
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int s = 0; s < options.inFlight; s++) {
        Latencies mine = new Latencies();
        perSender.add(mine);
        pool.submit(
            () -> {
              while (System.nanoTime() < end) {
                Workload.Batch batch;
                synchronized (workload) {
                  batch = workload.next(options.batch, Instant.now(), sender.needsEvents());
                }
                long start = System.nanoTime();
                try {
                  sender.send(batch);
                } catch (Exception e) {
                  errors.incrementAndGet();
                  continue;
                }
                long done = System.nanoTime();
                if (start >= warmupEnd && done <= end) {
                  mine.add(done - start);
                  acked.addAndGet(batch.size());
                }
              }
              return null;
            });
      }
    }
    Latencies all = new Latencies();
    perSender.forEach(all::addAll);
    return new Result(name, acked.get() / Math.max(1.0, seconds), all, errors.get());
  }

  /** {@code rate} events/s, one batch due every batch/rate seconds whatever the answers do. */
  private Result openLoop(String target, Sender sender, int rate) throws InterruptedException {
    String name = String.format(Locale.ROOT, "%s @ %,d/s", target, rate);
    Workload workload =
        new Workload(7, name.replaceAll("[^a-z0-9]", "-") + "-" + System.nanoTime());
    long intervalNanos = Math.round(options.batch * 1e9 / rate);
    long first = System.nanoTime() + 100_000_000L;
    long warmupEnd = first + options.warmup * 1_000_000_000L;
    long end = warmupEnd + options.seconds * 1_000_000_000L;
    Latencies latencies = new Latencies();
    AtomicLong acked = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (long due = first; due < end; due += intervalNanos) {
        long wait = due - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        Workload.Batch batch = workload.next(options.batch, Instant.now(), sender.needsEvents());
        long dueAt = due;
        pool.submit(
            () -> {
              try {
                sender.send(batch);
              } catch (Exception e) {
                errors.incrementAndGet();
                return null;
              }
              long latency = System.nanoTime() - dueAt;
              if (dueAt >= warmupEnd) {
                synchronized (latencies) {
                  latencies.add(latency);
                }
                acked.addAndGet(batch.size());
              }
              return null;
            });
      }
    }
    return new Result(name, acked.get() / (double) options.seconds, latencies, errors.get());
  }

  /** One run's figures. */
  record Result(String name, double eventsPerSecond, Latencies latencies, long errors) {
    String line() {
      return String.format(
          Locale.ROOT,
          "%-24s %10.0f %9.1f %9.1f %8d",
          name,
          eventsPerSecond,
          latencies.percentileMillis(0.50),
          latencies.percentileMillis(0.99),
          errors);
    }
  }
}
