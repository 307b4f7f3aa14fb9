package trailmap.segments.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.access.Role;
import trailmap.eventlog.MemoryEventLog;
import trailmap.eventlog.SettableClock;
import trailmap.profiles.ProfileId;
import trailmap.profiles.ProfileProcessor;
import trailmap.profiles.ProfileRef;
import trailmap.segments.store.MembershipChange;
import trailmap.server.ServerConfig;
import trailmap.server.TestServer;
import trailmap.server.TrailmapServer;

/**
 * What keeps memberships true besides new events, on a real server through its HTTP API: saving a
 * map re-evaluates the segments whose stage rules read it (also when no processor ran at the save),
 * a merge moves memberships to the surviving profile, and erasing a person deletes every row of
 * segments.db that names them.
 */
class SegmentUpkeepLiveTest {
  static final Duration WAIT = Duration.ofSeconds(20);
  static final ObjectMapper JSON = new ObjectMapper();

  static final String IN_TRIAL =
      """
      id: in-trial
      name: In the trial stage
      rule: {stage: trial, map: saas}
      """;
  static final String REPEAT_BUYERS =
      """
      id: repeat-buyers
      name: Repeat buyers
      rule: {did: Order Completed, atLeast: 2, within: 30d}
      """;
  static final String HAND_PICKED =
      """
      id: hand-picked
      name: Only who a flow adds
      rule: {did: Never Sent, atLeast: 1, within: 1d}
      """;

  static String map(String trialEvent) {
    return """
        id: saas
        name: SaaS
        state: current
        personas:
          - {id: sam, name: Sam}
        stages:
          - id: trial
            name: Trial
            touchpoints:
              - {id: start, name: Trial start, channel: web, match: {event: %s}}
          - id: paid
            name: Paid
            touchpoints:
              - {id: order, name: Order, channel: web, match: {event: Order Completed}}
        """
        .formatted(trialEvent);
  }

  @TempDir Path dir;
  final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T10:00:00Z"));
  final MemoryEventLog log = new MemoryEventLog();
  TestServer http;
  TrailmapServer server;
  ProfileProcessor processor;
  String writeKey;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  void start(boolean follow) {
    ServerConfig config = ServerConfig.defaults().withPort(0).withDataDir(dir);
    server = TrailmapServer.start(config, clock, Optional.of(TestServer.ADMIN_KEY), log);
    processor = follow ? server.followEvents(log) : null;
    http = TestServer.wrap(server);
    if (writeKey == null) {
      writeKey = server.sources().create("web", "web").writeKey();
    }
  }

  void restart(boolean follow) {
    server.close();
    log.reopened();
    start(follow);
  }

  void settle() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      assertThat(processor.awaitPosition(log.end(), WAIT)).isTrue();
      assertThat(server.segmentProcessor().orElseThrow().awaitIdle(WAIT)).isTrue();
    }
  }

  /** Sends track events, each {@code "userId|anonymousId|event"} with either id empty. */
  void track(String... calls) throws InterruptedException {
    List<String> items = new ArrayList<>();
    for (String call : calls) {
      String[] parts = call.split("\\|", -1);
      StringBuilder item =
          new StringBuilder("{\"type\": \"track\", \"event\": \"" + parts[2] + "\"");
      if (!parts[0].isEmpty()) {
        item.append(", \"userId\": \"").append(parts[0]).append('"');
      }
      if (!parts[1].isEmpty()) {
        item.append(", \"anonymousId\": \"").append(parts[1]).append('"');
      }
      items.add(item.append(", \"timestamp\": \"" + clock.instant() + "\"}").toString());
    }
    String auth =
        Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> answer =
        http.send(
            http.request("/v1/batch")
                .header("Authorization", "Basic " + auth)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"batch\": [" + String.join(",", items) + "]}"))
                .build());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    settle();
  }

  void expect(int status, HttpResponse<String> answer) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
  }

  void saveSegment(String yaml) {
    expect(201, http.post("/api/segments", http.key(Role.EDITOR), "application/yaml", yaml));
  }

  /** The segment's members' profile ids, through the API. */
  List<String> members(String segment) throws Exception {
    HttpResponse<String> answer = http.get("/api/segments/" + segment, http.key(Role.VIEWER));
    expect(200, answer);
    List<String> ids = new ArrayList<>();
    JSON.readTree(answer.body()).get("members").forEach(m -> ids.add(m.get("profile").asText()));
    return ids;
  }

  /** A profile's id, through the API. */
  String profile(String ref) throws Exception {
    HttpResponse<String> answer = http.get("/api/profiles/" + ref, http.key(Role.VIEWER));
    expect(200, answer);
    return JSON.readTree(answer.body()).get("id").asText();
  }

  @Test
  void savingAMapWithOtherMatchersReevaluatesTheSegmentsThatReadItsStages() throws Exception {
    start(true);
    expect(201, http.post("/api/maps", http.key(Role.EDITOR), "application/yaml", map("Trial")));
    saveSegment(IN_TRIAL);
    track("ada||Signup Viewed", "bob||Trial");
    settle();
    assertThat(members("in-trial")).containsExactly(profile("userId:bob"));

    expect(
        200,
        http.put(
            "/api/maps/saas", http.key(Role.EDITOR), "application/yaml", map("Signup Viewed")));
    settle();

    assertThat(members("in-trial")).containsExactly(profile("userId:ada"));
    List<MembershipChange> changes = server.segments().changesAfter(0, 100);
    ProfileId ada = new ProfileId(profile("userId:ada"));
    ProfileId bob = new ProfileId(profile("userId:bob"));
    assertThat(changes)
        .extracting(MembershipChange::profile, MembershipChange::entered)
        .containsExactlyInAnyOrder(tuple(bob, true), tuple(ada, true), tuple(bob, false));
    assertThat(changes.get(0).profile()).isEqualTo(bob);
  }

  @Test
  void aMapSavedWhileNoProcessorRanIsReevaluatedAtTheNextStart() throws Exception {
    start(true);
    expect(201, http.post("/api/maps", http.key(Role.EDITOR), "application/yaml", map("Trial")));
    saveSegment(IN_TRIAL);
    track("ada||Signup Viewed");
    assertThat(members("in-trial")).isEmpty();

    // The save commits and the server stops before any segment processor could see it.
    restart(false);
    expect(
        200,
        http.put(
            "/api/maps/saas", http.key(Role.EDITOR), "application/yaml", map("Signup Viewed")));
    restart(true);
    settle();

    assertThat(members("in-trial")).containsExactly(profile("userId:ada"));
  }

  @Test
  void aMergeMovesMembershipsToTheSurvivorAndTheAbsorbedProfileLeaves() throws Exception {
    start(true);
    saveSegment(REPEAT_BUYERS);
    saveSegment(HAND_PICKED);
    // Ada's profile holds two identities, the anonymous one one: Ada's survives the merge.
    track("|anon-1|Order Completed", "|anon-1|Order Completed", "ada|anon-9|Viewed");
    String anonymous = profile("anonymousId:anon-1");
    String known = profile("userId:ada");
    assertThat(anonymous).isNotEqualTo(known);
    assertThat(members("repeat-buyers")).containsExactly(anonymous);
    assertThat(
            server.segments().setManual("hand-picked", new ProfileId(anonymous), true, "flow:vip"))
        .isTrue();

    track("ada|anon-1|Viewed");

    assertThat(profile("userId:ada")).isEqualTo(known);
    assertThat(profile("anonymousId:anon-1")).isEqualTo(known);
    assertThat(members("repeat-buyers")).containsExactly(known);
    assertThat(server.segments().members("hand-picked", "", 10))
        .extracting(m -> m.profile().value(), m -> m.manual())
        .containsExactly(tuple(known, true));
    assertThat(server.segments().changesAfter(0, 100))
        .filteredOn(c -> c.profile().value().equals(anonymous) && !c.entered())
        .extracting(MembershipChange::segmentId, MembershipChange::cause)
        .containsExactlyInAnyOrder(
            tuple("repeat-buyers", "merged"), tuple("hand-picked", "merged"));
    assertThat(rowsNaming(anonymous, "memberships", "evidence", "checks")).isZero();
  }

  @Test
  void erasingAPersonDeletesEveryRowOfSegmentsDbNamingThemOrAProfileMergedIntoThem()
      throws Exception {
    start(true);
    saveSegment(REPEAT_BUYERS);
    track("|anon-1|Order Completed", "ada||Order Completed", "bob||Order Completed");
    track("ada|anon-1|Order Completed", "bob||Order Completed");
    String ada = profile("userId:ada");
    String bob = profile("userId:bob");
    assertThat(members("repeat-buyers")).containsExactlyInAnyOrder(ada, bob);
    List<ProfileId> merged = new ArrayList<>();
    server
        .profiles()
        .profile(new ProfileId(ada))
        .orElseThrow()
        .merges()
        .forEach(m -> merged.add(m.absorbed()));
    assertThat(merged).hasSize(1);

    HttpResponse<String> deleted =
        http.send("DELETE", "/api/profiles/userId:ada", TestServer.ADMIN_KEY, "", "");
    expect(204, deleted);

    assertThat(members("repeat-buyers")).containsExactly(bob);
    assertThat(rowsNaming(ada, ALL_TABLES)).isZero();
    assertThat(rowsNaming(merged.get(0).value(), ALL_TABLES)).isZero();
    assertThat(server.profiles().resolve(new ProfileRef.ById(new ProfileId(ada)))).isEmpty();
    // Nothing comes back once the processor looks again, nor after a restart's sweep.
    settle();
    restart(true);
    settle();
    assertThat(members("repeat-buyers")).containsExactly(bob);
    assertThat(rowsNaming(ada, ALL_TABLES)).isZero();
  }

  static final String[] ALL_TABLES = {"memberships", "evidence", "checks", "changes"};

  /** Rows of these segments.db tables that name the profile. */
  long rowsNaming(String profileId, String... tables) {
    return server
        .segments()
        .db()
        .read(
            c -> {
              long n = 0;
              for (String table : tables) {
                try (var s =
                    c.prepareStatement("SELECT count(*) FROM " + table + " WHERE profile_id = ?")) {
                  s.setString(1, profileId);
                  try (var r = s.executeQuery()) {
                    r.next();
                    n += r.getLong(1);
                  }
                }
              }
              return n;
            });
  }
}
