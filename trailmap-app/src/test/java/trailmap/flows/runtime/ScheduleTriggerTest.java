package trailmap.flows.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import trailmap.events.JsonValue;
import trailmap.server.LiveServer;
import trailmap.server.TrailmapServer;

/**
 * The weekly digest of examples/flows/weekly-digest.yaml ({@code 0 9 * * mon}) on a real server and
 * a real SMTP server (GreenMail): it fires at 09:00 in each profile's own zone, for profiles stored
 * before it was published and for new ones, once per week across restarts, and a long outage makes
 * up one firing, not a backlog.
 */
class ScheduleTriggerTest {
  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  /** A Monday, 06:00 UTC: 07:00 in Berlin, 01:00 in New York. */
  final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T06:00:00Z"));

  @TempDir Path dir;
  LiveServer live;
  TrailmapServer server;

  @AfterEach
  void stop() {
    if (live != null) {
      live.close();
    }
  }

  void start() {
    live = LiveServer.start(dir, clock, smtp, "digest@trailmap.test", s -> s);
    server = live.server();
  }

  void restart() {
    live.restart();
    server = live.server();
  }

  void at(String instant) throws InterruptedException {
    clock.set(Instant.parse(instant));
    live.settle();
  }

  void person(String user, Optional<String> zone, boolean digest) throws InterruptedException {
    Map<String, JsonValue> traits = new LinkedHashMap<>();
    traits.put("email", new JsonValue.Str(user + "@example.com"));
    traits.put("firstName", new JsonValue.Str(user));
    traits.put("digest", new JsonValue.Bool(digest));
    zone.ifPresent(z -> traits.put("timezone", new JsonValue.Str(z)));
    live.send(FlowEvents.identify(user, clock.instant(), new JsonValue.Obj(traits)));
  }

  /** Stores the digest's template and publishes examples/flows/weekly-digest.yaml. */
  void publishDigest(String template) throws IOException {
    server.flows().saveTemplate("weekly-digest", template);
    server
        .flows()
        .createDraft(
            "weekly-digest.yaml",
            Files.readString(Path.of("../examples/flows/weekly-digest.yaml")));
    server.flows().publish("weekly-digest", 1, false);
  }

  List<String> received() {
    return live.recipients();
  }

  @Test
  void firesAtNineInEachProfilesZoneOncePerWeekAcrossRestartsWithoutABacklog() throws Exception {
    start();
    person("ada", Optional.of("Europe/Berlin"), true);
    person("bob", Optional.of("America/New_York"), true);
    person("eve", Optional.of("Europe/Berlin"), false);
    publishDigest("<p>Your week, {{traits.firstName}}</p>");
    live.settle();
    // Published after ada, bob and eve were stored: the sweep gave them their firing. Cy arrives
    // later, with no zone (UTC), and gets hers from her first event.
    person("cy", Optional.empty(), true);
    assertThat(received()).isEmpty();

    at("2026-03-02T07:59:00Z");
    assertThat(received()).isEmpty();
    at("2026-03-02T08:00:00Z"); // 09:00 in Berlin; eve is not in the audience
    assertThat(received()).containsExactly("ada@example.com");
    at("2026-03-02T09:00:00Z"); // 09:00 UTC
    assertThat(received()).containsExactly("ada@example.com", "cy@example.com");
    at("2026-03-02T14:00:00Z"); // 09:00 in New York
    assertThat(received()).containsExactly("ada@example.com", "cy@example.com", "bob@example.com");
    assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("Your week in Trailmap, ada");

    // A week later, after a restart: each once more, no firing twice.
    restart();
    at("2026-03-09T14:30:00Z");
    assertThat(received()).hasSize(6);
    assertThat(received().stream().filter("ada@example.com"::equals)).hasSize(2);

    // Three weeks down: one firing is made up when it comes back, not three.
    restart();
    at("2026-03-30T15:00:00Z");
    assertThat(received()).hasSize(9);
    at("2026-03-31T15:00:00Z");
    assertThat(received()).hasSize(9);
    at("2026-04-06T14:30:00Z");
    assertThat(received()).hasSize(12);
  }

  @Test
  void aProfileHoldingNoIdentityGetsNoFiringWhetherSweptOrNew() throws Exception {
    start();
    // "undefined" is a junk userId: each event lands on a profile of its own that holds no
    // identity and that nothing can reach again (docs/profiles.md); flows leave such profiles
    // alone.
    person("undefined", Optional.of("Europe/Berlin"), true); // stored before: the sweep meets it
    person("ada", Optional.of("Europe/Berlin"), true);
    publishDigest("<p>Your week</p>");
    live.settle();
    person("null", Optional.of("Europe/Berlin"), true); // new after publishing, also junk

    at("2026-03-02T08:00:00Z");
    assertThat(received()).containsExactly("ada@example.com");
    Optional<Long> firings =
        server
            .flows()
            .db()
            .read(c -> Sql.one(c, "SELECT count(*) FROM schedule_timers", r -> r.getLong(1)));
    assertThat(firings).as("only ada's next firing is kept").hasValue(1L);
    at("2026-03-09T08:00:00Z");
    assertThat(received()).containsExactly("ada@example.com", "ada@example.com");
  }

  @Test
  void aPausedScheduleDoesNotFireAndANewCronStartsOver() throws Exception {
    start();
    person("ada", Optional.of("Europe/Berlin"), true);
    server.flows().saveTemplate("weekly-digest", "<p>Your week</p>");
    String digest = Files.readString(Path.of("../examples/flows/weekly-digest.yaml"));
    server.flows().createDraft("weekly-digest.yaml", digest);
    server.flows().publish("weekly-digest", 1, false);
    live.settle();

    server.flows().pause("weekly-digest");
    at("2026-03-02T08:30:00Z");
    assertThat(received()).isEmpty();

    // Version 2 fires on Tuesdays at 10:00 instead; Monday's firing is dropped, not made up.
    server
        .flows()
        .createDraft("weekly-digest.yaml", digest.replace("\"0 9 * * mon\"", "\"0 10 * * tue\""));
    server.flows().publish("weekly-digest", 2, false);
    live.settle();
    assertThat(received()).isEmpty();
    at("2026-03-03T08:59:00Z");
    assertThat(received()).isEmpty();
    at("2026-03-03T09:00:00Z"); // 10:00 in Berlin, Tuesday
    assertThat(received()).containsExactly("ada@example.com");
  }
}
