package trailmap.flows.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.server.ServerProcess;

/**
 * Kill -9 of the server while profiles wait in a flow and messages are due: after each restart
 * every profile moves on, and GreenMail (the server's SMTP, {@code TRAILMAP_SMTP_URL}) receives
 * every expected email, none lost, each under one Message-ID.
 *
 * <p>The server runs as its own process on the system clock, so the flow waits {@code 2s}. A client
 * posts trials for {@value #PROFILES} profiles through {@code /v1/batch} in small batches,
 * resending a failed batch with the same messageIds; the test kills the server {@value #KILLS}
 * times at random moments while batches, timers and sends are in flight.
 *
 * <p>Delivery is at least once (docs/flows-runtime.md): a kill after GreenMail accepted a message
 * and before the outbox row was marked sent resends it, with the same Message-ID. The sender
 * records a round's results (at most {@link OutboxSender#BATCH} sends) in one transaction after its
 * sends, so each kill can repeat at most one round; the test allows that many copies and requires
 * that every copy carries the Message-ID of the first.
 */
class FlowCrashIT {
  private static final String ADMIN_KEY = "tm_flow-crash-admin-key-0123456789abcdef";
  private static final int PROFILES = 120;
  private static final int BATCH = 6;
  private static final int KILLS = 3;
  private static final ObjectMapper JSON = new ObjectMapper();

  static final String FLOW =
      """
      id: crash-welcome
      name: Crash welcome
      trigger:
        event: Trial Started
      steps:
        - id: hello
          email: {template: hello, subject: "Hello {{ traits.firstName }}", to: email}
        - id: pause
          wait: 2s
        - id: bye
          email: {template: bye, subject: "Bye {{ traits.firstName }}", to: email}
      """;

  @TempDir Path dir;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
  private final AtomicInteger failedRequests = new AtomicInteger();
  private int port;
  private int starts;

  @BeforeEach
  void startSmtp() {
    smtp.start();
  }

  @AfterEach
  void stopSmtp() {
    smtp.stop();
  }

  @Test
  void everyProfileMovesOnAndEveryEmailArrivesUnderOneMessageIdAfterThreeKills() throws Exception {
    long began = System.nanoTime();
    Path data = dir.resolve("data");
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Process server = start(data);
    try {
      api("PUT", "/api/templates/hello", "text/html", "<p>Hello {{traits.firstName}}</p>", 204);
      api("PUT", "/api/templates/bye", "text/html", "<p>Bye</p>", 204);
      api("POST", "/api/flows", "application/yaml", FLOW, 201);
      api("POST", "/api/flows/crash-welcome/publish", "", "", 200);
      String writeKey =
          JSON.readTree(
                  api(
                      "POST",
                      "/api/sources",
                      "application/json",
                      "{\"name\":\"web\",\"channel\":\"web\"}",
                      201))
              .get("writeKey")
              .asText();

      List<List<Integer>> batches = new ArrayList<>();
      for (int from = 0; from < PROFILES; from += BATCH) {
        List<Integer> batch = new ArrayList<>();
        for (int i = from; i < Math.min(PROFILES, from + BATCH); i++) {
          batch.add(i);
        }
        batches.add(batch);
      }
      // One client posts the batches a little apart, resending each until it is acknowledged,
      // while the server is killed under it: some profiles have just entered (emails due), some
      // wait, some wake up about then.
      java.util.concurrent.CompletableFuture<Void> client =
          java.util.concurrent.CompletableFuture.runAsync(
              () -> {
                try {
                  for (List<Integer> batch : batches) {
                    postUntilAcknowledged(writeKey, batch);
                    Thread.sleep(250);
                  }
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      for (int kill = 0; kill < KILLS; kill++) {
        Thread.sleep(ThreadLocalRandom.current().nextInt(300, 1500));
        server.destroyForcibly();
        assertThat(server.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(server.exitValue()).as("killed, not stopped").isNotZero();
        server = start(data);
      }
      client.get(60, TimeUnit.SECONDS);

      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
      JsonNode stats = JSON.readTree(api("GET", "/api/flows/crash-welcome/stats", "", "", 200));
      // Done when every email arrived and the sender has recorded each as delivered: it records a
      // round's results after SMTP accepted them, so the last ones arrive a moment before.
      while (System.nanoTime() < deadline
          && (distinctMessageIds().size() < 2 * PROFILES
              || stats.at("/ended/completed").asLong() < PROFILES
              || stats.at("/messages/delivered").asLong() < 2 * PROFILES)) {
        Thread.sleep(200);
        stats = JSON.readTree(api("GET", "/api/flows/crash-welcome/stats", "", "", 200));
      }
      Thread.sleep(2500); // a repeat, if any, would arrive by now
      stats = JSON.readTree(api("GET", "/api/flows/crash-welcome/stats", "", "", 200));
      assertThat(stats.at("/entered/profiles").asLong()).isEqualTo(PROFILES);
      assertThat(stats.at("/entered/entries").asLong())
          .as("no trial entered twice")
          .isEqualTo(PROFILES);
      assertThat(stats.get("waiting").asLong()).as("every profile moved on: %s", stats).isZero();
      assertThat(stats.at("/ended/completed").asLong()).isEqualTo(PROFILES);
      assertThat(stats.at("/messages/delivered").asLong()).isEqualTo(2 * PROFILES);
      assertThat(stats.at("/messages/pending").asLong()).isZero();
    } finally {
      ServerProcess.stop(server);
    }

    MimeMessage[] received = smtp.getReceivedMessages();
    Map<String, Set<String>> idsByMessage = new HashMap<>();
    Map<String, Integer> copies = new HashMap<>();
    for (MimeMessage m : received) {
      String key = m.getAllRecipients()[0] + " " + m.getSubject();
      idsByMessage.computeIfAbsent(key, k -> new HashSet<>()).add(m.getMessageID());
      copies.merge(m.getMessageID(), 1, Integer::sum);
    }
    Set<String> expected = new HashSet<>();
    for (int i = 0; i < PROFILES; i++) {
      expected.add("p" + i + "@example.com Hello P" + i);
      expected.add("p" + i + "@example.com Bye P" + i);
    }
    assertThat(idsByMessage.keySet())
        .as("every expected email, none lost, no other")
        .isEqualTo(expected);
    assertThat(idsByMessage)
        .as("each email under one Message-ID")
        .allSatisfy((k, ids) -> assertThat(ids).hasSize(1));
    int repeats = received.length - copies.size();
    assertThat(repeats)
        .as(
            "copies from the at-least-once window (a kill after SMTP accepted, before the sender's"
                + " round was recorded): at most one sender round per kill, same Message-ID; %s",
            copies)
        .isLessThanOrEqualTo(KILLS * OutboxSender.BATCH);
    assertThat(failedRequests.get()).as("the kills made requests fail").isPositive();
    assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofMinutes(2));
  }

  private Set<String> distinctMessageIds() throws MessagingException {
    Set<String> ids = new HashSet<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      ids.add(m.getMessageID());
    }
    return ids;
  }

  /** Posts identify + Trial Started for each profile; resends (same ids) until acknowledged. */
  private void postUntilAcknowledged(String writeKey, List<Integer> profiles) throws Exception {
    StringBuilder body = new StringBuilder("{\"batch\":[");
    for (int i : profiles) {
      body.append(body.length() > 10 ? "," : "")
          .append("{\"type\":\"identify\",\"userId\":\"p")
          .append(i)
          .append("\",\"messageId\":\"id-")
          .append(i)
          .append("\",\"traits\":{\"email\":\"p")
          .append(i)
          .append("@example.com\",\"firstName\":\"P")
          .append(i)
          .append("\"}},{\"type\":\"track\",\"event\":\"Trial Started\",\"userId\":\"p")
          .append(i)
          .append("\",\"messageId\":\"trial-")
          .append(i)
          .append("\"}");
    }
    body.append("]}");
    String auth =
        Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
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
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // refused while restarting: resend
      }
      failedRequests.incrementAndGet();
      Thread.sleep(50);
    }
    throw new AssertionError("batch " + profiles + " was never acknowledged");
  }

  private String api(String method, String path, String contentType, String body, int status)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base().resolve(path))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + ADMIN_KEY)
            .method(
                method,
                body.isEmpty()
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (!contentType.isEmpty()) {
      request.header("Content-Type", contentType);
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode())
        .as(method + " " + path + ": " + response.body())
        .isEqualTo(status);
    return response.body();
  }

  private URI base() {
    return URI.create("http://127.0.0.1:" + port);
  }

  private Process start(Path data) throws Exception {
    Path stderr = dir.resolve("server-" + starts + ".err");
    starts++;
    return ServerProcess.start(
        data,
        port,
        stderr,
        Map.of(
            "TRAILMAP_ADMIN_KEY",
            ADMIN_KEY,
            "TRAILMAP_SMTP_URL",
            "smtp://127.0.0.1:" + smtp.getSmtp().getPort() + "?from=hello@trailmap.test"));
  }
}
