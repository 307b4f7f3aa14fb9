package trailmap.flows.dryrun;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.access.Role;
import trailmap.eventlog.MemoryEventLog;
import trailmap.flows.runtime.SettableClock;
import trailmap.profiles.ProfileProcessor;
import trailmap.server.ServerConfig;
import trailmap.server.TestServer;
import trailmap.server.TrailmapServer;

/**
 * {@code POST /api/flows/{id}/dry-run} of segment and api flows on a real server on a settable
 * clock: profiles enter a segment live through /v1/batch, an api flow is triggered over HTTP, and
 * the dry run replays the recorded entries and logged calls.
 */
class DryRunRecordedTriggersApiTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Duration WAIT = Duration.ofSeconds(20);
  static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
  static final String REPEAT_BUYERS =
      """
      id: repeat-buyers
      name: Repeat buyers
      rule:
        did: Order Completed
        atLeast: 2
        within: 30d
      """;

  /** A draft: live it sends nothing, so only the dry run says what it would do. */
  static final String THANKS_FLOW =
      """
      id: vip-thanks
      name: Thank the repeat buyers
      trigger:
        segment: repeat-buyers
      steps:
        - id: thanks
          email: {template: vip, subject: Thank you, to: email}
        - id: wait-review
          wait: {event: Review Posted, timeout: 3d}
          next: reviewed
        - id: reviewed
          goal: {}
      """;

  static final String RECEIPT_FLOW =
      """
      id: receipt
      name: Receipt on request
      trigger:
        api: true
      steps:
        - id: a-day
          wait: 1d
        - id: done
          goal: {}
      """;

  @TempDir Path dir;
  final SettableClock clock = new SettableClock(T0);
  final MemoryEventLog log = new MemoryEventLog();
  TrailmapServer server;
  TestServer http;
  ProfileProcessor processor;
  String writeKey;
  int messageIds;

  @BeforeEach
  void start() {
    ServerConfig config = ServerConfig.defaults().withPort(0).withDataDir(dir);
    server = TrailmapServer.start(config, clock, Optional.of(TestServer.ADMIN_KEY), log);
    processor = server.followEvents(log);
    http = TestServer.wrap(server);
    writeKey = server.sources().create("web", "web").writeKey();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  void settle() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      assertThat(processor.awaitPosition(log.end(), WAIT)).isTrue();
      assertThat(server.segmentProcessor().orElseThrow().awaitIdle(WAIT)).isTrue();
      assertThat(server.flowRuntime().orElseThrow().awaitIdle(WAIT)).isTrue();
    }
  }

  /** An identify with an email, then the tracks, all at the clock's time. */
  void batch(String user, String... tracks) throws InterruptedException {
    List<String> calls = new ArrayList<>();
    calls.add(
        """
        {"type": "identify", "userId": "%s", "traits": {"email": "%s@example.com"},
         "timestamp": "%s", "messageId": "m-%d"}"""
            .formatted(user, user, clock.instant(), ++messageIds));
    for (String name : tracks) {
      calls.add(
          """
          {"type": "track", "userId": "%s", "event": "%s", "timestamp": "%s", "messageId": "m-%d"}"""
              .formatted(user, name, clock.instant(), ++messageIds));
    }
    HttpResponse<String> answer = http.batch(writeKey, calls);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    settle();
  }

  JsonNode dryRun(String flow, String body) throws Exception {
    HttpResponse<String> answer =
        http.post(
            "/api/flows/" + flow + "/dry-run", http.key(Role.VIEWER), "application/json", body);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  @Test
  void replaysTheSegmentsRecordedEntriesWithTheEventsThatFollowThem() throws Exception {
    HttpResponse<String> created =
        http.post("/api/segments", http.key(Role.EDITOR), "application/yaml", REPEAT_BUYERS);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    server.flows().createDraft("vip-thanks.yaml", THANKS_FLOW);
    // ann enters at T0; bob's first order does not make him a repeat buyer, his second a day
    // later does; ann reviews two hours after that; cyd enters on day 3.
    batch("ann", "Order Completed", "Order Completed");
    batch("bob", "Order Completed");
    clock.advance(Duration.ofDays(1));
    batch("bob", "Order Completed");
    clock.advance(Duration.ofHours(2));
    batch("ann", "Review Posted");
    clock.advance(Duration.ofDays(2));
    batch("cyd", "Order Completed", "Order Completed");
    assertThat(server.segments().entries("repeat-buyers", Optional.empty(), Optional.empty()))
        .as("recorded live")
        .hasSize(3);

    JsonNode all = dryRun("vip-thanks", "{}");

    assertThat(all.at("/counted/segmentEntries").asInt()).isEqualTo(3);
    assertThat(all.at("/counted/apiCalls").asInt()).isZero();
    assertThat(all.at("/profiles/entered").asInt()).isEqualTo(3);
    assertThat(all.at("/steps/0/sent").asInt()).isEqualTo(3);
    assertThat(all.at("/outcomes/convertedByGoal/reviewed").asInt()).as("ann").isEqualTo(1);
    assertThat(all.at("/outcomes/waiting").asInt())
        .as("bob's and cyd's waits end after the data does")
        .isEqualTo(2);
    assertThat(all.at("/counted/simulated").asText())
        .contains("the recorded entries of segment 'repeat-buyers'");
    assertThat(all.at("/counted/rules").toString()).contains("the segment's recorded entries");
    assertThat(all.path("warnings").toString()).doesNotContain("no recorded entry");

    // From an hour after ann joined: her review is replayed, but she is not in the flow.
    JsonNode later = dryRun("vip-thanks", "{\"from\": \"" + T0.plus(Duration.ofHours(1)) + "\"}");
    assertThat(later.at("/counted/segmentEntries").asInt()).as("bob and cyd").isEqualTo(2);
    assertThat(later.at("/profiles/entered").asInt()).isEqualTo(2);
    assertThat(later.at("/outcomes/converted").asInt()).isZero();

    JsonNode before =
        dryRun(
            "vip-thanks", "{\"from\": \"2026-01-01T00:00:00Z\", \"to\": \"2026-02-01T00:00:00Z\"}");
    assertThat(before.at("/counted/segmentEntries").asInt()).isZero();
    assertThat(before.path("warnings").toString())
        .contains("segment 'repeat-buyers' has no recorded entry in [2026-01-01T00:00:00Z");

    server
        .flows()
        .createDraft(
            "typo.yaml",
            THANKS_FLOW
                .replace("vip-thanks", "typo")
                .replace("segment: repeat-buyers", "segment: repeat-buyer"));
    HttpResponse<String> typo =
        http.post("/api/flows/typo/dry-run", http.key(Role.VIEWER), "application/json", "{}");
    assertThat(typo.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(typo.body()).path("detail").asText())
        .contains(
            "there is no segment 'repeat-buyer' (the segments: repeat-buyers); fix the flow's"
                + " trigger or create the segment first");
  }

  @Test
  void replaysTheLoggedCallsOfAnApiFlowUnderItsEntryRules() throws Exception {
    server.flows().createDraft("receipt.yaml", RECEIPT_FLOW);
    server.flows().publish("receipt", 1, false);
    batch("ann");
    batch("bob");
    String editor = http.key(Role.EDITOR);
    for (String user : List.of("ann", "ann", "bob")) {
      HttpResponse<String> accepted =
          http.post(
              "/api/flows/receipt/trigger",
              editor,
              "application/json",
              "{\"profile\": \"userId:" + user + "\"}");
      assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
      clock.advance(Duration.ofHours(1));
    }
    settle();
    clock.advance(Duration.ofDays(2));
    batch("cyd");

    JsonNode answer = dryRun("receipt", "{}");

    assertThat(answer.at("/counted/apiCalls").asInt()).isEqualTo(3);
    assertThat(answer.at("/counted/segmentEntries").asInt()).isZero();
    assertThat(answer.at("/profiles/entered").asInt()).isEqualTo(2);
    assertThat(answer.path("entries").asInt()).isEqualTo(2);
    assertThat(answer.at("/notEntered/already-inside").asInt())
        .as("ann's second call comes an hour into her day's wait")
        .isEqualTo(1);
    assertThat(answer.at("/outcomes/converted").asInt()).as("a day later each").isEqualTo(2);
    assertThat(answer.at("/counted/simulated").asText()).contains("the flow's logged API calls");

    JsonNode afterTheCalls =
        dryRun("receipt", "{\"from\": \"" + T0.plus(Duration.ofHours(3)) + "\"}");
    assertThat(afterTheCalls.at("/counted/apiCalls").asInt()).isZero();
    assertThat(afterTheCalls.path("warnings").toString())
        .contains("no call to POST /api/flows/receipt/trigger is logged in");
  }
}
