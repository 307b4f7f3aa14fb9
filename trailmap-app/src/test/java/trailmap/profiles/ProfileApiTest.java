package trailmap.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static trailmap.profiles.TestEvents.alias;
import static trailmap.profiles.TestEvents.identify;
import static trailmap.profiles.TestEvents.page;
import static trailmap.profiles.TestEvents.track;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.access.Role;
import trailmap.eventlog.MemoryEventLog;
import trailmap.server.Problem;
import trailmap.server.TestServer;

class ProfileApiTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  TestServer server;
  ProfileProcessor processor;
  final MemoryEventLog log = new MemoryEventLog();
  String viewer;

  @BeforeEach
  void start() {
    server = TestServer.start(dir, log);
    processor = server.server().followEvents(log);
    viewer = server.key(Role.VIEWER);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  void feed(TestEvents... events) throws InterruptedException {
    for (TestEvents e : events) {
      log.add(e.build());
    }
    assertThat(processor.awaitPosition(log.end(), Duration.ofSeconds(20))).isTrue();
  }

  JsonNode get(String path) throws Exception {
    HttpResponse<String> response = server.get(path, viewer);
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  HttpResponse<String> problem(String path, int status) {
    HttpResponse<String> response = server.get(path, viewer);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith(Problem.MEDIA_TYPE));
    return response;
  }

  /** The messageId of each entry of an events array (not those nested in each event). */
  static List<String> ids(JsonNode events) {
    List<String> out = new ArrayList<>();
    events.forEach(e -> out.add(e.get("messageId").asText()));
    return out;
  }

  @Test
  void metricsTellHowManyAcknowledgedEventsAreNotOnAProfileYet() throws Exception {
    feed(track("Signed Up").user("u1"), track("Logged In").user("u1"));
    assertThat(server.get("/metrics", "").body())
        .contains("trailmap_eventlog_events 2.0")
        .contains("trailmap_profiles_lag_events 0.0");

    processor.close();
    log.add(track("Signed Up").user("u2").build());
    log.add(track("Logged In").user("u2").build());
    assertThat(server.get("/metrics", "").body())
        .contains("trailmap_eventlog_events 4.0")
        .contains("trailmap_profiles_lag_events 2.0");
  }

  @Test
  void answersWithTheProfilesOwnIdWhicheverIdentityAsks() throws Exception {
    feed(
        track("Viewed").anon("a-1").minutes(0),
        identify().user("u-1").anon("a-1").trait("plan", "pro").minutes(1));
    JsonNode byUser = get("/api/profiles/userId:u-1");
    String id = byUser.get("id").asText();
    assertThat(id).startsWith("p_");
    assertThat(get("/api/profiles/anonymousId:a-1").get("id").asText()).isEqualTo(id);
    assertThat(get("/api/profiles/" + id)).isEqualTo(byUser);
    assertThat(byUser.get("identities").findValuesAsText("value")).containsExactly("u-1", "a-1");
    assertThat(byUser.at("/traits/plan/value").asText()).isEqualTo("pro");
    assertThat(byUser.at("/traits/plan/history")).hasSize(1);
  }

  @Test
  void showsTheMergesThatExplainWhyIdentitiesBelongTogether() throws Exception {
    feed(
        track("Viewed").user("old-7"),
        track("Viewed").user("new-9"),
        alias("new-9", "old-7").id("alias-1"));
    JsonNode profile = get("/api/profiles/userId:old-7");
    JsonNode merge = profile.at("/merges/0");
    assertThat(merge.get("messageId").asText()).isEqualTo("alias-1");
    List<String> why = new ArrayList<>();
    merge.get("identities").forEach(n -> why.add(n.asText()));
    assertThat(why).contains("userId:new-9", "userId:old-7");
    assertThat(get("/api/profiles/" + merge.get("absorbed").asText()).get("id"))
        .isEqualTo(profile.get("id"));
    JsonNode newNine =
        profile.get("identities").findParents("value").stream()
            .filter(n -> n.get("value").asText().equals("new-9"))
            .findFirst()
            .orElseThrow();
    assertThat(newNine.get("messageId").asText()).isNotEmpty();
  }

  @Test
  void theTimelineIsInTimeOrderTiesInLogOrderAndPagesWithoutGapsOrRepeats() throws Exception {
    feed(
        track("Third").user("u-1").minutes(20).id("t3"),
        track("First").user("u-1").minutes(0).id("t1"),
        page("Pricing").user("u-1").minutes(10).channel("app").id("t2a"),
        track("Tied").user("u-1").minutes(10).id("t2b"),
        track("Fourth").user("u-1").minutes(30).channel("app").id("t4"));
    JsonNode all = get("/api/profiles/userId:u-1/timeline");
    assertThat(ids(all.get("events"))).containsExactly("t1", "t2a", "t2b", "t3", "t4");
    assertThat(all.get("next").isNull()).isTrue();
    assertThat(all.at("/events/1/event/type").asText()).isEqualTo("page");
    List<String> paged = new ArrayList<>();
    String path = "/api/profiles/userId:u-1/timeline?limit=2";
    int pages = 0;
    while (true) {
      JsonNode page = get(path);
      pages++;
      paged.addAll(ids(page.get("events")));
      if (page.get("next").isNull()) {
        break;
      }
      path = "/api/profiles/userId:u-1/timeline?limit=2&cursor=" + page.get("next").asText();
    }
    assertThat(pages).isEqualTo(3);
    assertThat(paged).containsExactly("t1", "t2a", "t2b", "t3", "t4");
    assertThat(ids(get("/api/profiles/userId:u-1/timeline?channel=app").get("events")))
        .containsExactly("t2a", "t4");
    assertThat(ids(get("/api/profiles/userId:u-1/timeline?type=page").get("events")))
        .containsExactly("t2a");
  }

  @Test
  void badTimelineQueriesSayWhatIsAllowed() throws Exception {
    feed(track("A").user("u-1"));
    assertThat(problem("/api/profiles/userId:u-1/timeline?limit=501", 400).body())
        .contains("limit must be a whole number between 1 and 500, was '501'");
    assertThat(problem("/api/profiles/userId:u-1/timeline?limit=ten", 400).body())
        .contains("was 'ten'");
    assertThat(problem("/api/profiles/userId:u-1/timeline?cursor=not-ours", 400).body())
        .contains("is not one this server gave");
    assertThat(problem("/api/profiles/userId:u-1/timeline?type=click", 400).body())
        .contains("type 'click' is not an event type; use one of track, identify");
  }

  @Test
  void findsIdentitiesWhoseValuesNeedPercentEncoding() throws Exception {
    feed(track("A").user("team/ann smith?#%").anon("a-1"));
    String id = get("/api/profiles/anonymousId:a-1").get("id").asText();
    String encoded =
        java.net.URLEncoder.encode("team/ann smith?#%", java.nio.charset.StandardCharsets.UTF_8)
            .replace("+", "%20");
    assertThat(get("/api/profiles/userId:" + encoded).get("id").asText()).isEqualTo(id);
    assertThat(get("/api/profiles/userId:" + encoded + "/timeline").get("events")).hasSize(1);
  }

  @Test
  void unknownProfilesAre404AndBadReferences400() {
    assertThat(problem("/api/profiles/userId:nobody", 404).body())
        .contains("no profile is known as 'userId:nobody'");
    assertThat(problem("/api/profiles/p_unknown/timeline", 404).body()).contains("p_unknown");
    assertThat(problem("/api/profiles/login:ann", 400).body())
        .contains("unknown identity type 'login'")
        .contains("userId:VALUE, anonymousId:VALUE, email:VALUE or phone:VALUE");
  }

  @Test
  void exportsEverythingHeldOnThePerson() throws Exception {
    feed(
        track("Viewed").anon("a-1").id("e1"),
        identify().user("u-1").anon("a-1").trait("name", "Ann").id("e2"));
    JsonNode export = get("/api/profiles/anonymousId:a-1/export");
    assertThat(export.at("/profile/id")).isEqualTo(get("/api/profiles/userId:u-1").get("id"));
    assertThat(export.at("/profile/traits/name/value").asText()).isEqualTo("Ann");
    assertThat(ids(export.get("events"))).containsExactly("e1", "e2");
    assertThat(export.at("/events/1/traits/name").asText()).isEqualTo("Ann");
  }

  @Test
  void deletingAPersonNeedsAnAdminAndLeavesNothingToFind() throws Exception {
    feed(track("Viewed").anon("a-1"), identify().user("u-1").anon("a-1").trait("name", "Ann"));
    String id = get("/api/profiles/userId:u-1").get("id").asText();
    assertThat(server.send("DELETE", "/api/profiles/userId:u-1", viewer, "", "").statusCode())
        .isEqualTo(403);
    HttpResponse<String> deleted =
        server.send("DELETE", "/api/profiles/userId:u-1", TestServer.ADMIN_KEY, "", "");
    assertThat(deleted.statusCode()).isEqualTo(204);
    for (String ref : List.of("userId:u-1", "anonymousId:a-1", id)) {
      problem("/api/profiles/" + ref, 404);
      problem("/api/profiles/" + ref + "/timeline", 404);
      problem("/api/profiles/" + ref + "/export", 404);
    }
    assertThat(server.server().profiles().rowsMentioning("events", "Ann")).isZero();
    assertThat(
            server.send("DELETE", "/api/profiles/" + id, TestServer.ADMIN_KEY, "", "").statusCode())
        .isEqualTo(404);
  }
}
