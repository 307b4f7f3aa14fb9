package trailmap.flows.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import trailmap.events.Event;
import trailmap.events.JsonValue;
import trailmap.flows.dryrun.TriggerHistory;
import trailmap.maps.EventType;
import trailmap.profiles.ProfileId;
import trailmap.server.LiveServer;
import trailmap.server.TestServer;
import trailmap.server.TrailmapServer;

/**
 * {@code DELETE /api/profiles/{id}} on a real server with a real SMTP server (GreenMail) and a
 * settable clock: the person's rows leave every table of flows.db, their address leaves its files,
 * their pending wake-up sends nothing, and another person's flow goes on untouched.
 */
class FlowErasureTest {
  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @TempDir Path dir;
  final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T10:00:00Z"));
  LiveServer live;
  TrailmapServer server;
  TestServer api;
  int messageIds;

  @AfterEach
  void stop() {
    if (live != null) {
      live.close();
    }
  }

  void start() {
    live = LiveServer.start(dir, clock, smtp);
    server = live.server();
    api = live.api();
    server.flows().saveTemplate("welcome", FlowDocuments.WELCOME_TEMPLATE);
    server.flows().saveTemplate("onboarding-tips", FlowDocuments.TIPS_TEMPLATE);
    server.flows().createDraft("welcome.yaml", FlowDocuments.WELCOME);
    server.flows().publish("welcome", 1, false);
  }

  /** An event of {@code userId} and/or {@code anonymousId} (either may be empty). */
  Event event(EventType type, String user, String anonymous, String name, Map<String, String> t) {
    Map<String, JsonValue> traits = new TreeMap<>();
    t.forEach((k, v) -> traits.put(k, new JsonValue.Str(v)));
    Instant at = clock.instant();
    return new Event(
        "fe-" + ++messageIds,
        type,
        name.isEmpty() ? Optional.empty() : Optional.of(name),
        user.isEmpty() ? Optional.empty() : Optional.of(user),
        anonymous.isEmpty() ? Optional.empty() : Optional.of(anonymous),
        Optional.empty(),
        Optional.empty(),
        JsonValue.Obj.EMPTY,
        new JsonValue.Obj(traits),
        JsonValue.Obj.EMPTY,
        at,
        at,
        "web",
        "test");
  }

  void newTrial(String user, String anonymous, String email, String firstName)
      throws InterruptedException {
    live.send(
        event(
            EventType.IDENTIFY,
            user,
            anonymous,
            "",
            Map.of("email", email, "firstName", firstName)),
        event(EventType.TRACK, user, anonymous, "Trial Started", Map.of()));
  }

  /** Every table of flows.db with a {@code profile_id} column, as the schema has it now. */
  List<String> profileTables() {
    return server
        .flows()
        .db()
        .read(
            c ->
                Sql.list(
                    c,
                    "SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) p"
                        + " WHERE m.type = 'table' AND p.name = 'profile_id' ORDER BY m.name",
                    r -> r.getString(1)));
  }

  /** Every row of every flows.db table with {@code profile_id = id}, as text, by table. */
  Map<String, List<String>> rowsOf(ProfileId id) {
    Map<String, List<String>> out = new TreeMap<>();
    for (String table : profileTables()) {
      out.put(table, rows("SELECT * FROM " + table + " WHERE profile_id = ?", id.value()));
    }
    return out;
  }

  /** Every row of every flows.db table, as text, by table. */
  Map<String, List<String>> allRows() {
    List<String> tables =
        server
            .flows()
            .db()
            .read(
                c ->
                    Sql.list(
                        c,
                        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
                        r -> r.getString(1)));
    Map<String, List<String>> out = new TreeMap<>();
    for (String table : tables) {
      out.put(table, rows("SELECT * FROM " + table));
    }
    return out;
  }

  private List<String> rows(String sql, Object... args) {
    return server
        .flows()
        .db()
        .read(
            c ->
                Sql.list(
                    c,
                    sql,
                    r -> {
                      List<String> values = new ArrayList<>();
                      for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                        values.add(String.valueOf(r.getObject(i)));
                      }
                      return String.join(" | ", values);
                    },
                    args));
  }

  private String flowsFiles() throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(f -> f.getFileName().toString().startsWith("flows.db")).toList()) {
        all.write(Files.readAllBytes(f));
      }
    }
    return all.toString(StandardCharsets.ISO_8859_1);
  }

  private HttpResponse<String> delete(String ref) {
    return api.send("DELETE", "/api/profiles/" + ref, TestServer.ADMIN_KEY, "", "");
  }

  @Test
  void erasingAPersonDeletesTheirFlowRowsAndMessagesAndLeavesAnotherPersonsFlowRunning()
      throws Exception {
    start();
    // Ann is first anonymous with one address, then signs up with another; the identify naming
    // both merges the anonymous profile (which has flow rows of its own) into hers.
    newTrial("", "anon-ann", "ann.early@example.com", "Ann");
    ProfileId annEarly = live.profile("anonymousId:anon-ann");
    newTrial("ann", "", "ann@example.com", "Ann");
    ProfileId annLater = live.profile("userId:ann");
    live.send(event(EventType.IDENTIFY, "ann", "anon-ann", "", Map.of()));
    newTrial("bob", "", "bob@example.com", "Bob");
    ProfileId bob = live.profile("userId:bob");
    Set<ProfileId> ann = Set.of(annEarly, annLater);
    assertThat(live.profile("userId:ann")).isIn(ann);
    assertThat(live.profile("anonymousId:anon-ann")).isEqualTo(live.profile("userId:ann"));

    assertThat(live.mailTo("ann.early@example.com")).hasSize(1);
    assertThat(live.mailTo("ann@example.com")).hasSize(1);
    assertThat(live.mailTo("bob@example.com")).hasSize(1);
    assertThat(profileTables())
        .contains(
            "activity",
            "api_call_log",
            "api_calls",
            "consent",
            "flow_state",
            "outbox",
            "schedule_timers",
            "send_history",
            "suppressions");
    for (ProfileId id : ann) {
      assertThat(rowsOf(id).get("flow_state")).as("flow state of " + id).hasSize(1);
      assertThat(
              rows(
                  "SELECT due_at FROM flow_state WHERE profile_id = ? AND due_at IS NOT NULL",
                  id.value()))
          .as("the tips wake-up of " + id)
          .hasSize(1);
      assertThat(rowsOf(id).get("outbox")).as("the welcome email of " + id).hasSize(1);
    }
    // An API-triggered flow called for her and for bob: each call is kept in the dry runs' log.
    server
        .flows()
        .createDraft(
            "ping.yaml",
            "id: ping\nname: Ping\ntrigger: {api: true}\n"
                + "steps:\n  - id: pinged\n    goal: {}\n");
    server.flows().publish("ping", 1, false);
    server.flows().requestApiCall("ping", annLater.value());
    server.flows().requestApiCall("ping", bob.value());
    live.settle();
    assertThat(rowsOf(annLater).get("api_call_log")).as("her logged call").hasSize(1);
    assertThat(rowsOf(bob).get("api_call_log")).as("his logged call").hasSize(1);
    assertThat(flowsFiles()).contains("ann@example.com", "ann.early@example.com");
    Map<String, List<String>> bobsRows = rowsOf(bob);
    String unsubscribe = live.mailTo("ann@example.com").get(0).getHeader("List-Unsubscribe")[0];

    HttpResponse<String> deleted = delete("userId:ann");
    assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);

    for (ProfileId id : ann) {
      assertThat(rowsOf(id).values()).as("rows of " + id).allSatisfy(r -> assertThat(r).isEmpty());
      assertThat(allRows())
          .allSatisfy(
              (table, rows) ->
                  assertThat(rows).as(table).noneMatch(row -> row.contains(id.value())));
      assertThat(FlowTimeline.of(server.flows(), id)).isEmpty();
      assertThat(api.get("/api/profiles/" + id.value() + "/timeline", TestServer.ADMIN_KEY))
          .extracting(HttpResponse::statusCode)
          .isEqualTo(404);
    }
    String files = flowsFiles();
    assertThat(files).doesNotContain("ann@example.com").doesNotContain("ann.early@example.com");
    for (ProfileId id : ann) {
      assertThat(files).doesNotContain(id.value());
    }
    assertThat(rowsOf(bob)).isEqualTo(bobsRows);
    assertThat(server.flows().apiCallLog("ping", Optional.empty(), Optional.empty()))
        .as("bob's call stays for his dry runs; hers is gone")
        .extracting(TriggerHistory.Firing::profileId)
        .containsExactly(bob.value());

    // The unsubscribe link of a mail she got before: answered as any other, stored nowhere.
    HttpResponse<String> unsubscribed =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(unsubscribe.substring(1, unsubscribe.length() - 1)))
                    .POST(
                        java.net.http.HttpRequest.BodyPublishers.ofString(
                            "List-Unsubscribe=One-Click"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(unsubscribed.statusCode()).isEqualTo(200);
    assertThat(unsubscribed.body()).contains("You are unsubscribed");

    clock.advance(Duration.ofDays(2));
    live.settle();
    assertThat(live.mailTo("bob@example.com")).hasSize(2);
    assertThat(live.mailTo("bob@example.com").get(1).getSubject())
        .isEqualTo("Three tips to get your first journey live");
    assertThat(live.mailTo("ann@example.com")).hasSize(1);
    assertThat(live.mailTo("ann.early@example.com")).hasSize(1);
    for (ProfileId id : ann) {
      assertThat(allRows())
          .allSatisfy(
              (table, rows) ->
                  assertThat(rows).as(table).noneMatch(row -> row.contains(id.value())));
    }
  }

  @Test
  void erasingAnUnknownProfileIsANotFoundProblemAndChangesNothing() throws Exception {
    start();
    newTrial("bob", "", "bob@example.com", "Bob");
    Map<String, List<String>> before = allRows();

    for (String ref : List.of("p_00000000000000000000", "userId:nobody")) {
      HttpResponse<String> response = delete(ref);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
      assertThat(response.body()).contains(ref);
    }

    assertThat(allRows()).isEqualTo(before);
    clock.advance(Duration.ofDays(2));
    live.settle();
    assertThat(live.mailTo("bob@example.com")).hasSize(2);
  }
}
