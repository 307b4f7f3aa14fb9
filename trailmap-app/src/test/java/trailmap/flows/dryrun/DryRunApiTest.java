package trailmap.flows.dryrun;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.access.Role;
import trailmap.server.ServerConfig;
import trailmap.server.TestServer;
import trailmap.server.TrailmapServer;

/** {@code POST /api/flows/{id}/dry-run} on a real server with events sent through /v1/batch. */
class DryRunApiTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  @TempDir Path dir;
  TestServer server;
  String viewer;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start(dir);
    viewer = server.key(Role.VIEWER);
    String welcome = Files.readString(Path.of("../examples/flows/welcome.yaml"));
    server.server().flows().createDraft("welcome.yaml", welcome);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  void send(List<String> calls) {
    String writeKey = server.server().sources().create("web", "web").writeKey();
    HttpResponse<String> answer = server.batch(writeKey, calls);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
  }

  static String call(String type, String user, String event, int hours, String traits) {
    return """
        {"type": "%s", "userId": "%s", %s "timestamp": "%s", "messageId": "%s-%s-%d",
         "traits": %s}"""
        .formatted(
            type,
            user,
            event.isEmpty() ? "" : "\"event\": \"" + event + "\",",
            T0.plusSeconds(hours * 3600L),
            user,
            type,
            hours,
            traits);
  }

  @Test
  void replaysStoredEventsThroughADraftFlowAndSendsNothing() throws Exception {
    List<String> calls = new ArrayList<>();
    for (String user : List.of("ann", "bob", "cyd")) {
      calls.add(call("identify", user, "", 0, "{\"email\": \"" + user + "@example.com\"}"));
      calls.add(call("track", user, "Trial Started", 1, "{}"));
    }
    calls.add(call("track", "bob", "Onboarding Completed", 20, "{}"));
    calls.add(call("track", "dan", "Page Viewed", 2, "{}"));
    send(calls);

    HttpResponse<String> answer =
        server.post("/api/flows/welcome/dry-run", viewer, "application/json", "{}");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode result = JSON.readTree(answer.body());
    assertThat(result.at("/profiles/entered").asInt()).isEqualTo(3);
    assertThat(answer.body()).contains("nothing");
  }

  @Test
  void anUnknownFlowIsA404AndABadRangeA400() {
    assertThat(server.post("/api/flows/nope/dry-run", viewer, "application/json", "").statusCode())
        .isEqualTo(404);
    HttpResponse<String> badFrom =
        server.post(
            "/api/flows/welcome/dry-run", viewer, "application/json", "{\"from\": \"yesterday\"}");
    assertThat(badFrom.statusCode()).isEqualTo(400);
    assertThat(badFrom.body()).contains("from").contains("ISO 8601");
    HttpResponse<String> farTo =
        server.post(
            "/api/flows/welcome/dry-run",
            viewer,
            "application/json",
            "{\"to\": \"+300000000-01-01T00:00:00Z\"}");
    assertThat(farTo.statusCode()).as(farTo.body()).isEqualTo(400);
    assertThat(farTo.body()).contains("to: '+300000000-01-01T00:00:00Z' is outside the years");
    HttpResponse<String> badVersion =
        server.post("/api/flows/welcome/dry-run", viewer, "application/json", "{\"version\": 9}");
    assertThat(badVersion.statusCode()).isEqualTo(400);
    assertThat(badVersion.body()).contains("versions 1 to 1");
  }

  @Test
  void theSimulatedSendsObeyTheServersMessagingRules() throws Exception {
    server.close();
    Path config =
        Files.writeString(
            dir.resolve("trailmap.yaml"), "messaging:\n  optIn: [email]\n  globalHoldout: 0\n");
    server =
        TestServer.wrap(
            TrailmapServer.start(
                ServerConfig.read(config).withPort(0).withDataDir(dir),
                Clock.systemUTC(),
                Optional.of(TestServer.ADMIN_KEY)));
    viewer = server.key(Role.VIEWER);
    List<String> calls = new ArrayList<>();
    for (String user : List.of("ann", "bob")) {
      calls.add(call("identify", user, "", 0, "{\"email\": \"" + user + "@example.com\"}"));
      calls.add(call("track", user, "Trial Started", 1, "{}"));
    }
    send(calls);

    HttpResponse<String> answer =
        server.post("/api/flows/welcome/dry-run", viewer, "application/json", "{}");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode result = JSON.readTree(answer.body());
    assertThat(result.at("/profiles/entered").asInt()).isEqualTo(2);
    assertThat(result.at("/steps/0/sent").asInt())
        .as("email is opt-in, nobody subscribed")
        .isZero();
    assertThat(result.at("/steps/0/suppressedBy/consent").asInt()).isEqualTo(2);
    assertThat(result.at("/counted/policy/from").asText())
        .startsWith("the server's messaging rules");
    assertThat(result.at("/counted/policy/optIn/0").asText()).isEqualTo("email");
  }

  @Test
  void replaysTouchpointAndStageTriggersAgainstTheLatestStoredMap() throws Exception {
    HttpResponse<String> map =
        server.post("/api/maps", TestServer.ADMIN_KEY, "application/yaml", ShopFixture.MAP);
    assertThat(map.statusCode()).as(map.body()).isEqualTo(201);
    server
        .server()
        .flows()
        .createDraft("p.yaml", ShopFixture.flow("on-pricing", "touchpoint: pricing"));
    server
        .server()
        .flows()
        .createDraft("c.yaml", ShopFixture.flow("on-consider", "stage: consider"));
    server.server().flows().createDraft("b.yaml", ShopFixture.flow("on-buy", "stage: buy"));
    send(ShopFixture.calls());

    JsonNode pricing = dryRun("on-pricing");
    JsonNode consider = dryRun("on-consider");
    JsonNode buy = dryRun("on-buy");

    assertThat(pricing.at("/profiles/replayed").asInt()).isEqualTo(4);
    assertThat(pricing.at("/profiles/entered").asInt()).as("ann").isEqualTo(1);
    assertThat(pricing.at("/notEntered/no-reentry").asInt()).isEqualTo(1);
    assertThat(pricing.at("/steps/0/sent").asInt()).isEqualTo(1);
    assertThat(consider.at("/profiles/entered").asInt()).as("ann and cyd").isEqualTo(2);
    assertThat(consider.path("warnings").toString())
        .contains("touchpoint 'store-visit' of map 'shop' has no match rule: no event enters it");
    assertThat(buy.at("/profiles/entered").asInt()).as("dan").isEqualTo(1);
  }

  @Test
  void aTriggerOnAMissingMapTouchpointOrSegmentIsA400ThatSaysWhatIsThere() {
    server
        .server()
        .flows()
        .createDraft("x.yaml", ShopFixture.flow("on-pricing", "touchpoint: pricing"));
    HttpResponse<String> noMap =
        server.post("/api/flows/on-pricing/dry-run", viewer, "application/json", "{}");
    assertThat(noMap.statusCode()).isEqualTo(400);
    assertThat(noMap.body()).contains("there is no map 'shop' to replay it against");

    assertThat(
            server
                .post("/api/maps", TestServer.ADMIN_KEY, "application/yaml", ShopFixture.MAP)
                .statusCode())
        .isEqualTo(201);
    server.server().flows().createDraft("y.yaml", ShopFixture.flow("typo", "touchpoint: pricng"));
    HttpResponse<String> typo =
        server.post("/api/flows/typo/dry-run", viewer, "application/json", "{}");
    assertThat(typo.statusCode()).isEqualTo(400);
    assertThat(typo.body())
        .contains(
            "map 'shop' has no touchpoint 'pricng' (its touchpoints: pricing, compare,"
                + " store-visit, checkout)");

    server
        .server()
        .flows()
        .createDraft(
            "z.yaml",
            ShopFixture.flow("seg", "stage: consider")
                .replace("  map: shop\n  stage: consider", "  segment: vip"));
    HttpResponse<String> segment =
        server.post("/api/flows/seg/dry-run", viewer, "application/json", "{}");
    assertThat(segment.statusCode()).isEqualTo(400);
    assertThat(segment.body())
        .contains(
            "starts when a profile joins segment 'vip', but there is no segment 'vip' (there are"
                + " no segments)");
  }

  @Test
  void replaysAScheduleFlowAtNineOnEachMondayInEachProfilesOwnZone() throws Exception {
    String digest = Files.readString(Path.of("../examples/flows/weekly-digest.yaml"));
    server.server().flows().createDraft("weekly-digest.yaml", digest);
    List<String> calls = new ArrayList<>();
    // Stored on the Saturday before: ber in Berlin, nyc in New York (summer time from 8 March),
    // utc with no zone, and eve who did not ask for the digest.
    calls.add(call("identify", "ber", "", -48, person("ber", "Europe/Berlin", true)));
    calls.add(call("identify", "nyc", "", -48, person("nyc", "America/New_York", true)));
    calls.add(call("identify", "utc", "", -48, person("utc", "", true)));
    calls.add(call("identify", "eve", "", -48, person("eve", "Europe/Berlin", false)));
    send(calls);

    HttpResponse<String> answer =
        server.post(
            "/api/flows/weekly-digest/dry-run",
            viewer,
            "application/json",
            "{\"from\": \"2026-03-02T00:00:00Z\", \"to\": \"2026-03-16T00:00:00Z\"}");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode result = JSON.readTree(answer.body());
    assertThat(result.at("/profiles/replayed").asInt()).as("by their firings").isEqualTo(4);
    assertThat(result.at("/counted/scheduleFirings").asInt())
        .as("4 profiles, 2 Mondays")
        .isEqualTo(8);
    assertThat(result.at("/profiles/entered").asInt()).isEqualTo(3);
    assertThat(result.path("entries").asInt()).as("each Monday, 6d apart is allowed").isEqualTo(6);
    assertThat(result.at("/notEntered/audience").asInt()).as("eve, twice").isEqualTo(2);
    assertThat(result.at("/steps/0/sent").asInt()).isEqualTo(6);
    assertThat(result.at("/counted/rules").toString())
        .contains("the schedule fires for each profile at the cron's times");
    assertThat(result.path("warnings").toString()).doesNotContain("schedule '0 9 * * mon'");

    HttpResponse<String> tooEarly =
        server.post(
            "/api/flows/weekly-digest/dry-run",
            viewer,
            "application/json",
            "{\"from\": \"2026-02-01T00:00:00Z\", \"to\": \"2026-02-27T00:00:00Z\"}");
    assertThat(tooEarly.statusCode()).as(tooEarly.body()).isEqualTo(200);
    assertThat(JSON.readTree(tooEarly.body()).path("warnings").toString())
        .contains("schedule '0 9 * * mon' fires for no profile in [2026-02-01T00:00:00Z");
  }

  /** Digest traits; no {@code timezone} trait when {@code zone} is empty. */
  static String person(String user, String zone, boolean digest) {
    return """
        {"email": "%s@example.com", "firstName": "%s", "digest": %s%s}"""
        .formatted(user, user, digest, zone.isEmpty() ? "" : ", \"timezone\": \"" + zone + "\"");
  }

  JsonNode dryRun(String flow) throws Exception {
    HttpResponse<String> answer =
        server.post("/api/flows/" + flow + "/dry-run", viewer, "application/json", "{}");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }
}
