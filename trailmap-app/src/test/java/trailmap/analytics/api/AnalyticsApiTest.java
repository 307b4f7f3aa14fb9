package trailmap.analytics.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.access.Role;
import trailmap.server.Problem;
import trailmap.server.TestServer;

/**
 * The analytics API on a real server: events go in through {@code /v1/batch} into the durable log,
 * the profile processor stitches them, and {@code /api/analytics/*} counts them.
 */
class AnalyticsApiTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  @TempDir Path dir;
  TestServer server;
  String viewer;
  String writeKey;

  @BeforeEach
  void start() {
    server = TestServer.start(dir);
    viewer = server.key(Role.VIEWER);
    writeKey = server.server().sources().create("web", "web").writeKey();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /**
   * Five journeys: three reach pricing, two of them start a trial, one of those on the app. (A
   * one-letter user id would be a junk identity that links nothing.)
   */
  void sendJourneys() throws Exception {
    List<String> calls = new ArrayList<>();
    calls.add(track("ann", "Home", 0, "web"));
    calls.add(track("ann", "Pricing", 60, "web"));
    calls.add(track("ann", "Trial Started", 120, "web"));
    calls.add(track("bob", "Home", 0, "web"));
    calls.add(track("bob", "Pricing", 30, "web"));
    calls.add(track("bob", "Trial Started", 90, "app"));
    calls.add(track("cyd", "Home", 0, "web"));
    calls.add(track("cyd", "Pricing", 10, "web"));
    calls.add(track("dan", "Home", 0, "web"));
    calls.add(track("eve", "Home", 0, "web"));
    HttpResponse<String> answer = server.batch(writeKey, calls);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
  }

  static String track(String user, String event, int seconds, String channel) {
    return """
        {"type": "track", "userId": "%s", "event": "%s", "timestamp": "%s",
         "messageId": "%s-%s", "context": {"channel": "%s"}}"""
        .formatted(user, event, T0.plusSeconds(seconds), user, event, channel);
  }

  HttpResponse<String> analyse(String name, String query) {
    return server.post("/api/analytics/" + name, viewer, "application/json", query);
  }

  JsonNode ok(String name, String query) throws Exception {
    HttpResponse<String> answer = analyse(name, query);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  @Test
  void countsTheFunnelOfEventsSentThroughTheCollectionApi() throws Exception {
    sendJourneys();

    JsonNode answer = ok("funnel", "{\"steps\": [\"Home\", \"Pricing\", \"Trial Started\"]}");

    JsonNode steps = answer.get("steps");
    assertThat(steps.get(0).get("count").asInt()).isEqualTo(5);
    assertThat(steps.get(1).get("count").asInt()).isEqualTo(3);
    assertThat(steps.get(2).get("count").asInt()).isEqualTo(2);
    assertThat(steps.get(2).get("conversionFromPrevious").asDouble()).isEqualTo(2.0 / 3);
  }

  @Test
  void theSharedWhereFilterAppliesToPathsAndDiscoverToo() throws Exception {
    sendJourneys();

    JsonNode all = ok("discover", "{}");
    JsonNode webOnly = ok("discover", "{\"where\": {\"channel\": \"web\"}}");

    assertThat(all.get("events").asInt()).isEqualTo(10);
    assertThat(webOnly.get("events").asInt()).as("bob's trial was on the app").isEqualTo(9);
    JsonNode paths = ok("paths", "{\"start\": \"Home\", \"where\": {\"channel\": \"web\"}}");
    assertThat(paths.get("paths")).isNotEmpty();
  }

  @Test
  void discoverAnswersGraphvizWhenAskedForDot() throws Exception {
    sendJourneys();

    HttpResponse<String> answer = analyse("discover", "{\"format\": \"dot\"}");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/vnd.graphviz"));
    assertThat(answer.body()).startsWith("digraph").contains("Pricing");
  }

  @Test
  void touchpointStepsResolveAgainstAStoredMap() throws Exception {
    HttpResponse<String> saved =
        server.post(
            "/api/maps",
            server.key(Role.EDITOR),
            "application/yaml",
            """
            id: web-journey
            name: Web journey
            state: current
            owner: CX team
            reviewBy: 2027-01-31
            personas:
              - id: sam
                name: Sam
            stages:
              - id: consider
                name: Consideration
                touchpoints:
                  - id: pricing
                    name: Pricing page
                    channel: web
                    match:
                      event: Pricing
            """);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
    sendJourneys();

    JsonNode answer =
        ok("funnel", "{\"steps\": [\"Home\", \"touchpoint:pricing\"], \"map\": \"web-journey\"}");

    assertThat(answer.get("steps").get(1).get("count").asInt()).isEqualTo(3);
  }

  @Test
  void aWrongQueryIsA400NamingEachFieldAndAnUnknownAnalysisA404() throws Exception {
    HttpResponse<String> wrong =
        analyse(
            "funnel", "{\"steps\": [\"A\", \"B\"], \"order\": \"sideways\", \"window\": \"2x\"}");
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith(Problem.MEDIA_TYPE));
    assertThat(wrong.body()).contains("$.order").contains("$.window");

    HttpResponse<String> filter = analyse("discover", "{\"where\": {\"chanel\": \"web\"}}");
    assertThat(filter.statusCode()).isEqualTo(400);
    assertThat(filter.body()).contains("$.where.chanel").contains("channel");

    HttpResponse<String> malformed = analyse("paths", "{\"start\": ");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body()).contains("not valid JSON");

    HttpResponse<String> unknown = analyse("funnels", "{}");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("funnel, paths, discover");

    HttpResponse<String> noMap = analyse("funnel", "{\"steps\": [\"A\"], \"map\": \"nope\"}");
    assertThat(noMap.statusCode()).isEqualTo(404);
  }

  @Test
  void comparesOneFunnelForTwoTraitGroupsWithATestAndAnEffectSize() throws Exception {
    sendJourneys();
    List<String> identifies = new ArrayList<>();
    for (String user : List.of("ann", "bob", "cyd", "dan", "eve")) {
      String plan = user.equals("ann") || user.equals("bob") ? "pro" : "free";
      identifies.add(
          """
          {"type": "identify", "userId": "%s", "traits": {"plan": "%s"},
           "timestamp": "%s", "messageId": "%s-identify"}"""
              .formatted(user, plan, T0.minusSeconds(60), user));
    }
    HttpResponse<String> sent = server.batch(writeKey, identifies);
    assertThat(sent.statusCode()).isEqualTo(200);

    JsonNode answer =
        ok(
            "compare",
            """
            {"analysis": "funnel", "funnel": {"steps": ["Home", "Pricing"]},
             "by": "plan", "a": "pro", "b": "free"}""");

    assertThat(answer.at("/a/n").asInt()).isEqualTo(2);
    assertThat(answer.at("/a/value").asDouble()).isEqualTo(1.0);
    assertThat(answer.at("/b/n").asInt()).isEqualTo(3);
    assertThat(answer.at("/b/value").asDouble()).isEqualTo(1.0 / 3);
    assertThat(answer.at("/difference/value").asDouble()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(answer.at("/test/name").asText()).isNotBlank();
    assertThat(answer.at("/effectSize/name").asText()).isEqualTo("cohens-h");
    assertThat(answer.at("/a/funnel/steps")).hasSize(2);

    HttpResponse<String> noFunnel =
        analyse("compare", "{\"analysis\": \"funnel\", \"by\": \"plan\"}");
    assertThat(noFunnel.statusCode()).isEqualTo(400);
    assertThat(noFunnel.body()).contains("$.funnel");
  }

  @Test
  void analyticsNeedAKey() {
    HttpResponse<String> answer =
        server.post("/api/analytics/funnel", "", "application/json", "{}");
    assertThat(answer.statusCode()).isEqualTo(401);
  }
}
