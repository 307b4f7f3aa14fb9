package trailmap.segments.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import trailmap.access.Role;
import trailmap.eventlog.SettableClock;
import trailmap.server.LiveServer;
import trailmap.server.TestServer;
import trailmap.server.TrailmapServer;

/**
 * Segments on a real server: events through /v1/batch, live membership on a settable clock, a
 * segment-triggered flow mailing GreenMail, and the analytics segment filter.
 */
class SegmentsLiveTest {
  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  static final ObjectMapper JSON = new ObjectMapper();
  static final String REPEAT_BUYERS =
      """
      id: repeat-buyers
      name: Repeat buyers
      rule:
        did: Order Completed
        atLeast: 2
        within: 30d
      """;
  static final String VIP_FLOW =
      """
      id: vip-welcome
      name: Welcome to the repeat buyers
      trigger:
        segment: repeat-buyers
      steps:
        - id: thanks
          email:
            template: vip
            subject: Thank you for coming back
            to: email
      """;

  @TempDir Path dir;
  final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T10:00:00Z"));
  LiveServer live;
  TestServer http;
  TrailmapServer server;
  String writeKey;

  @AfterEach
  void stop() {
    if (live != null) {
      live.close();
    }
  }

  void start() {
    live = LiveServer.start(dir, clock, smtp);
    server = live.server();
    http = live.api();
    writeKey = server.sources().create("web", "web").writeKey();
  }

  void batch(String user, String... tracks) throws InterruptedException {
    List<String> calls = new ArrayList<>();
    calls.add(
        """
        {"type": "identify", "userId": "%s", "traits": {"email": "%s@example.com"},
         "timestamp": "%s"}"""
            .formatted(user, user, clock.instant()));
    for (String name : tracks) {
      calls.add(
          """
          {"type": "track", "userId": "%s", "event": "%s", "timestamp": "%s"}"""
              .formatted(user, name, clock.instant()));
    }
    HttpResponse<String> answer = http.batch(writeKey, calls);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    live.settle();
  }

  JsonNode segment() throws Exception {
    HttpResponse<String> answer = http.get("/api/segments/repeat-buyers", http.key(Role.VIEWER));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  long mailsTo(String user) {
    return java.util.Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> GreenMailUtil.getHeaders(m).contains(user + "@example.com"))
        .count();
  }

  int funnelEntered(String where) throws Exception {
    HttpResponse<String> answer =
        http.post(
            "/api/analytics/funnel",
            http.key(Role.VIEWER),
            "application/json",
            "{\"steps\": [\"Order Completed\"]" + where + "}");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body()).get("steps").get(0).get("count").asInt();
  }

  @Test
  void theSecondOrderEntersTheSegmentMailsThroughItsFlowNarrowsAFunnelAndTimeTakesItOut()
      throws Exception {
    start();
    assertThat(
            http.post("/api/segments", http.key(Role.EDITOR), "application/yaml", REPEAT_BUYERS)
                .statusCode())
        .isEqualTo(201);
    server.flows().saveTemplate("vip", "<p>Thanks for your orders!</p>");
    server.flows().createDraft("vip.yaml", VIP_FLOW);
    server.flows().publish("vip-welcome", 1, false);

    batch("ada", "Order Completed");
    batch("bob", "Order Completed");
    assertThat(segment().get("memberCount").asInt()).isZero();

    clock.advance(Duration.ofDays(3));
    batch("ada", "Order Completed");
    JsonNode members = segment();
    assertThat(members.get("memberCount").asInt()).isEqualTo(1);
    assertThat(members.get("members").get(0).get("enteredAt").asText())
        .isEqualTo(clock.instant().toString());
    assertThat(smtp.waitForIncomingEmail(LiveServer.WAIT.toMillis(), 1)).isTrue();
    assertThat(mailsTo("ada")).isEqualTo(1);
    assertThat(mailsTo("bob")).isZero();

    assertThat(funnelEntered("")).isEqualTo(2);
    assertThat(funnelEntered(", \"where\": {\"segment\": \"repeat-buyers\"}")).isEqualTo(1);

    // Ada's first order ages out 30 days after it was placed: 27 days from now.
    clock.advance(Duration.ofDays(27).minusMinutes(1));
    live.settle();
    assertThat(segment().get("memberCount").asInt()).isEqualTo(1);
    clock.advance(Duration.ofMinutes(1));
    live.settle();
    assertThat(segment().get("memberCount").asInt()).isZero();
    assertThat(funnelEntered(", \"where\": {\"segment\": \"repeat-buyers\"}")).isZero();
    assertThat(mailsTo("ada")).isEqualTo(1);
  }

  @Test
  void aSegmentFlowThatWaitsFirstWakesUpWhenTheClockReadsFinerThanMilliseconds() throws Exception {
    // The system clock reads microseconds; flows.db keeps milliseconds. A timer set from the finer
    // instant came back as another one, which the engine ignores as stale: the profile never woke.
    clock.advance(Duration.ofNanos(123_456));
    start();
    assertThat(
            http.post("/api/segments", http.key(Role.EDITOR), "application/yaml", REPEAT_BUYERS)
                .statusCode())
        .isEqualTo(201);
    server.flows().saveTemplate("vip", "<p>Thanks for your orders!</p>");
    server
        .flows()
        .createDraft(
            "vip.yaml", VIP_FLOW.replace("steps:\n", "steps:\n  - id: settle-in\n    wait: 1h\n"));
    server.flows().publish("vip-welcome", 1, false);

    batch("ada", "Order Completed", "Order Completed");
    assertThat(segment().get("memberCount").asInt()).isEqualTo(1);
    assertThat(mailsTo("ada")).as("the flow waits an hour first").isZero();

    clock.advance(Duration.ofHours(1));
    live.settle();
    assertThat(smtp.waitForIncomingEmail(LiveServer.WAIT.toMillis(), 1)).isTrue();
    assertThat(mailsTo("ada")).isEqualTo(1);
  }

  @Test
  void anInvalidSegmentIsA400ListingEveryProblemAtItsLineAndColumn() throws Exception {
    start();
    HttpResponse<String> answer =
        http.post(
            "/api/segments",
            http.key(Role.EDITOR),
            "application/yaml",
            """
            id: repeat-buyers
            name: Repeat buyers
            rule:
              did: Order Completed
              atLeast: 0
              within: 30 days
              colour: red
            """);
    assertThat(answer.statusCode()).isEqualTo(400);
    JsonNode errors = JSON.readTree(answer.body()).get("errors");
    assertThat(errors.toString())
        .contains("\"line\":6", "within", "\"line\":7", "unknown field 'colour'");
    assertThat(http.get("/api/segments", http.key(Role.VIEWER)).body()).contains("[]");
  }

  @Test
  void aSegmentCreatedAfterTheEventsIsBackfilledAndDeletingItEmptiesIt() throws Exception {
    start();
    batch("cy", "Order Completed", "Order Completed");
    http.put(
        "/api/segments/repeat-buyers", http.key(Role.EDITOR), "application/yaml", REPEAT_BUYERS);
    live.settle();
    assertThat(segment().get("memberCount").asInt()).isEqualTo(1);
    assertThat(
            http.send(
                    http.request("/api/segments/repeat-buyers")
                        .header("Authorization", "Bearer " + http.key(Role.EDITOR))
                        .DELETE()
                        .build())
                .statusCode())
        .isEqualTo(204);
    assertThat(http.get("/api/segments/repeat-buyers", http.key(Role.VIEWER)).statusCode())
        .isEqualTo(404);
  }
}
