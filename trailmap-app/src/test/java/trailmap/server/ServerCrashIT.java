package trailmap.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.eventlog.EventLog;
import trailmap.eventlog.FileEventLog;

/**
 * Kill -9 of the whole server under HTTP load loses no acknowledged event and stores none twice.
 * The real server runs as a separate process ({@code trailmap.cli.Trailmap serve}); client threads
 * post {@code /v1/batch} with unique messageIds and, like the Segment libraries, resend a batch
 * that failed (connection refused or reset, a 5xx) until it is acknowledged. The test kills the
 * server with SIGKILL at random moments three times, restarting it on the same data directory each
 * time, lets the clients finish, stops the server and reads the log offline: every acknowledged
 * messageId is stored exactly once, and nothing is stored twice, whatever failed on the way.
 */
class ServerCrashIT {
  private static final String ADMIN_KEY = "tm_crash-test-admin-key-0123456789abcdef";
  private static final int CLIENTS = 4;
  private static final int KILLS = 3;

  @TempDir Path dir;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Set<String> sent = ConcurrentHashMap.newKeySet();
  private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
  private final AtomicInteger failedRequests = new AtomicInteger();
  private final AtomicBoolean abandoned = new AtomicBoolean();
  private int port;
  private int starts;

  @Test
  void everyAcknowledgedEventIsStoredExactlyOnceAfterThreeKills() throws Exception {
    Path data = dir.resolve("data");
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort(); // one port for every start, so the clients' URL stays valid
    }
    Process server = start(data);
    String writeKey = createWriteKey();

    AtomicBoolean draining = new AtomicBoolean();
    CountDownLatch done = new CountDownLatch(CLIENTS);
    List<Thread> clients = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      String prefix = "c" + c + "-";
      clients.add(
          Thread.ofPlatform()
              .name("client-" + c)
              .daemon()
              .start(() -> postUntilDrained(prefix, writeKey, draining, done)));
    }
    try {
      for (int kill = 0; kill < KILLS; kill++) {
        awaitAcknowledgedAtLeast(acknowledged.size() + 300, server);
        Thread.sleep(ThreadLocalRandom.current().nextInt(0, 300));
        server.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no flush
        assertThat(server.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(server.exitValue()).as("killed, not stopped").isNotZero();
        server = start(data);
      }
      awaitAcknowledgedAtLeast(acknowledged.size() + 200, server);
      draining.set(true); // clients finish their pending batch, then stop
      assertThat(done.await(30, TimeUnit.SECONDS)).as("clients drained").isTrue();
    } finally {
      draining.set(true);
      abandoned.set(true); // a client still failing now gives up: the test has failed anyway
      server.destroy(); // SIGTERM: the clean stop the user gets with Ctrl-C
      if (!server.waitFor(20, TimeUnit.SECONDS)) {
        server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      for (Thread t : clients) {
        t.join(10_000);
      }
    }

    assertThat(failedRequests.get()).as("the kills made requests fail").isPositive();
    try (FileEventLog log = FileEventLog.open(data.resolve("eventlog"))) {
      List<EventLog.LogEntry> all = log.read(0, Integer.MAX_VALUE);
      Map<String, Integer> stored = new HashMap<>();
      all.forEach(e -> stored.merge(e.event().messageId(), 1, Integer::sum));

      assertThat(all).hasSize((int) log.end());
      assertThat(stored)
          .as("no messageId stored twice")
          .allSatisfy((id, n) -> assertThat(n).isOne());
      assertThat(stored.keySet()).as("every acknowledged id stored").containsAll(acknowledged);
      assertThat(sent).as("nothing stored that was not sent").containsAll(stored.keySet());
      assertThat(acknowledged).hasSizeGreaterThan(KILLS * 300);
    }
  }

  /** Posts batches until draining, resending a failed batch (same ids) until it is acknowledged. */
  private void postUntilDrained(
      String prefix, String writeKey, AtomicBoolean draining, CountDownLatch done) {
    try {
      List<String> pending = List.of();
      for (int seq = 0; !abandoned.get(); seq++) {
        if (pending.isEmpty()) {
          if (draining.get()) {
            return;
          }
          int size = ThreadLocalRandom.current().nextInt(1, 25);
          List<String> ids = new ArrayList<>();
          for (int i = 0; i < size; i++) {
            ids.add(prefix + seq + "-" + i);
          }
          pending = ids;
          sent.addAll(ids);
        }
        if (post(writeKey, pending)) {
          acknowledged.addAll(pending);
          pending = List.of();
        } else {
          failedRequests.incrementAndGet();
          sleep(50);
        }
      }
    } finally {
      done.countDown();
    }
  }

  private boolean post(String writeKey, List<String> ids) {
    StringBuilder body = new StringBuilder("{\"batch\":[");
    for (int i = 0; i < ids.size(); i++) {
      body.append(i == 0 ? "" : ",")
          .append("{\"type\":\"track\",\"event\":\"Crash Tested\",\"userId\":\"u-")
          .append(ids.get(i).hashCode() % 50)
          .append("\",\"messageId\":\"")
          .append(ids.get(i))
          .append("\",\"properties\":{\"n\":")
          .append(i)
          .append("}}");
    }
    body.append("]}");
    String auth =
        Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(base().resolve("/v1/batch"))
                  .timeout(Duration.ofSeconds(10))
                  .header("Authorization", "Basic " + auth)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false; // refused while restarting, reset by the kill: resend later
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private URI base() {
    return URI.create("http://127.0.0.1:" + port);
  }

  private String createWriteKey() throws Exception {
    HttpResponse<String> created =
        http.send(
            HttpRequest.newBuilder(base().resolve("/api/sources"))
                .header("Authorization", "Bearer " + ADMIN_KEY)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString("{\"name\":\"load\",\"channel\":\"web\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isIn(200, 201);
    return new ObjectMapper().readTree(created.body()).get("writeKey").asText();
  }

  /** Starts {@code trailmap serve} in a new JVM and waits until it says it listens. */
  private Process start(Path data) throws Exception {
    Path stderr = dir.resolve("server-" + starts + ".err");
    starts++;
    return ServerProcess.start(data, port, stderr, Map.of("TRAILMAP_ADMIN_KEY", ADMIN_KEY));
  }

  private void awaitAcknowledgedAtLeast(int target, Process server) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (acknowledged.size() < target) {
      assertThat(server.isAlive()).as("the server runs").isTrue();
      assertThat(System.nanoTime()).as("%d events acknowledged", target).isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
