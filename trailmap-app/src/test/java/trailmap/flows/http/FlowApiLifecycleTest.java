package trailmap.flows.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import trailmap.access.Role;
import trailmap.flows.policy.MessagePolicy;
import trailmap.flows.runtime.SettableClock;
import trailmap.flows.runtime.StepCount;

/**
 * The welcome flow of examples/flows/welcome.yaml driven only through HTTP: created, published, fed
 * through {@code /v1/batch}, its emails read back from GreenMail, its statistics, versions with and
 * without migration, pause and archive.
 */
class FlowApiLifecycleTest {
  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @TempDir Path dir;
  FlowApiHarness api;

  @BeforeEach
  void start() {
    api =
        new FlowApiHarness(
            dir,
            smtp.getSmtp().getPort(),
            new SettableClock(Instant.parse("2026-03-02T10:00:00Z")),
            MessagePolicy.PERMISSIVE);
    api.template(
        "welcome", "<p>Hello {{traits.firstName}}</p><a href=\"{{unsubscribeUrl}}\">x</a>");
    api.template("onboarding-tips", "<p>Tips</p>");
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void theWelcomeFlowGoesFromCreatedToPublishedToSendingToPausedToArchived() throws Exception {
    String yaml = FlowApiHarness.example("welcome.yaml");
    HttpResponse<String> created = api.call("POST", "/api/flows", "application/yaml", yaml);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location")).contains("/api/flows/welcome");
    JsonNode draft = api.json(created);
    assertThat(draft.get("id").asText()).isEqualTo("welcome");
    assertThat(draft.get("version").asInt()).isEqualTo(1);
    assertThat(draft.get("status").asText()).isEqualTo("draft");
    assertThat(draft.has("currentVersion")).isFalse();

    HttpResponse<String> document = api.call("GET", "/api/flows/welcome", "", "");
    assertThat(document.body()).isEqualTo(yaml);
    assertThat(document.headers().firstValue("Content-Type").orElseThrow()).contains("yaml");
    assertThat(document.headers().firstValue("X-Flow-Version")).contains("1");

    JsonNode published = api.expect(200, "POST", "/api/flows/welcome/publish", "", "");
    assertThat(published.get("status").asText()).isEqualTo("published");
    assertThat(published.get("currentVersion").asInt()).isEqualTo(1);
    JsonNode list = api.expect(200, "GET", "/api/flows", "", "");
    assertThat(list).hasSize(1);
    assertThat(list.get(0).get("status").asText()).isEqualTo("published");
    assertThat(list.get(0).get("currentVersion").asInt()).isEqualTo(1);

    api.newTrials("ada", "bob");
    MimeMessage[] mail = smtp.getReceivedMessages();
    assertThat(mail).hasSize(2);
    assertThat(List.of(mail).stream().map(FlowApiLifecycleTest::subject))
        .containsOnly("Welcome to Trailmap, ada", "Welcome to Trailmap, bob");

    JsonNode stats = api.expect(200, "GET", "/api/flows/welcome/stats", "", "");
    assertThat(stats.at("/entered/entries").asLong()).isEqualTo(2);
    assertThat(stats.at("/entered/profiles").asLong()).isEqualTo(2);
    assertThat(stats.get("waiting").asLong()).isEqualTo(2);
    assertThat(stats.at("/messages/sent").asLong()).isEqualTo(2);
    assertThat(stats.at("/messages/delivered").asLong()).isEqualTo(2);
    assertThat(stats.at("/messages/failed").asLong()).isZero();
    assertThat(stats.get("steps").findValuesAsText("id"))
        .containsExactly("welcome-email", "wait-2-days", "onboarded", "tips-email", "subscribed");
    assertThat(stats.at("/steps/0/delivered").asLong()).isEqualTo(2);
    assertThat(stats.at("/steps/1/waiting").asLong()).isEqualTo(2);
    assertThat(stats.at("/conversion/holdout/profiles").asLong()).isZero();
    assertThat(stats.at("/conversion/difference/note").asText()).contains("holdout");

    api.batch(withTrack("ada", "Subscribed"));
    stats = api.expect(200, "GET", "/api/flows/welcome/stats", "", "");
    assertThat(stats.at("/ended/converted").asLong()).isEqualTo(1);
    assertThat(stats.at("/conversion/treatment/converted").asLong()).isEqualTo(1);
    assertThat(stats.at("/conversion/treatment/rate").asDouble()).isEqualTo(0.5);

    JsonNode paused = api.expect(200, "POST", "/api/flows/welcome/pause", "", "");
    assertThat(paused.get("status").asText()).isEqualTo("paused");
    api.newTrials("cy");
    api.advance(Duration.ofDays(3));
    assertThat(smtp.getReceivedMessages()).as("a paused flow neither enters nor wakes").hasSize(2);

    JsonNode resumed = api.expect(200, "POST", "/api/flows/welcome/publish", "", "");
    assertThat(resumed.get("status").asText()).isEqualTo("published");
    api.settle();
    assertThat(smtp.getReceivedMessages())
        .as("bob's tips, late, after the resume; cy came while paused")
        .hasSize(3);

    JsonNode archived = api.expect(200, "POST", "/api/flows/welcome/archive", "", "");
    assertThat(archived.get("status").asText()).isEqualTo("archived");
    assertThat(api.expect(200, "GET", "/api/flows", "", "").get(0).get("status").asText())
        .isEqualTo("archived");
  }

  @Test
  void aNewVersionLeavesProfilesOnTheirVersionUnlessPublishedWithMigrate() throws Exception {
    String v1 = FlowApiHarness.example("welcome.yaml");
    api.publish(v1);
    api.newTrials("ada");

    String v2 = v1.replace("Welcome to Trailmap, ", "Welcome aboard, ");
    JsonNode saved = api.expect(200, "PUT", "/api/flows/welcome", "application/yaml", v2);
    assertThat(saved.get("version").asInt()).isEqualTo(2);
    assertThat(saved.get("currentVersion").asInt()).as("a draft until published").isEqualTo(1);
    JsonNode published =
        api.expect(
            200, "POST", "/api/flows/welcome/publish", "application/json", "{\"version\": 2}");
    assertThat(published.get("currentVersion").asInt()).isEqualTo(2);
    assertThat(published.get("migrated").asInt()).isZero();
    api.newTrials("bob");
    assertThat(api.server.flows().stepCounts("welcome"))
        .containsExactly(new StepCount(1, "wait-2-days", 1), new StepCount(2, "wait-2-days", 1));
    assertThat(api.call("GET", "/api/flows/welcome?version=1", "", "").body()).isEqualTo(v1);
    assertThat(api.call("GET", "/api/flows/welcome", "", "").body()).isEqualTo(v2);

    String v3 = v2.replace("Three tips", "Four tips");
    api.expect(200, "PUT", "/api/flows/welcome", "application/yaml", v3);
    JsonNode migrated =
        api.expect(
            200,
            "POST",
            "/api/flows/welcome/publish",
            "application/json",
            "{\"version\": 3, \"migrate\": true}");
    assertThat(migrated.get("migrated").asInt()).isEqualTo(2);
    assertThat(api.server.flows().stepCounts("welcome"))
        .containsExactly(new StepCount(3, "wait-2-days", 2));

    JsonNode versions = api.expect(200, "GET", "/api/flows/welcome/versions", "", "");
    assertThat(versions.findValuesAsText("version")).containsExactly("1", "2", "3");
    assertThat(versions.findValues("current").stream().map(JsonNode::asBoolean))
        .containsExactly(false, false, true);
    assertThat(versions.get(0).has("publishedAt")).isTrue();

    api.advance(Duration.ofDays(2));
    assertThat(List.of(smtp.getReceivedMessages()).stream().map(FlowApiLifecycleTest::subject))
        .containsExactlyInAnyOrder(
            "Welcome to Trailmap, ada",
            "Welcome aboard, bob",
            "Four tips to get your first journey live",
            "Four tips to get your first journey live");
  }

  @Test
  void timersFireWhenTheClockReadsFinerThanMilliseconds() throws Exception {
    // Regression: the system clock reads microseconds, flows.db stores milliseconds; the timer
    // came back as another instant, was taken for a stale one, and nobody ever woke up.
    api.close();
    api =
        new FlowApiHarness(
            dir,
            smtp.getSmtp().getPort(),
            new SettableClock(Instant.parse("2026-03-02T10:00:00.123456789Z")),
            MessagePolicy.PERMISSIVE);
    api.publish(FlowApiHarness.example("welcome.yaml"));
    api.newTrials("ada");
    api.advance(Duration.ofDays(2));
    assertThat(smtp.getReceivedMessages()).hasSize(2);
    assertThat(api.expect(200, "GET", "/api/flows/welcome/stats", "", "").get("waiting").asLong())
        .isZero();
  }

  @Test
  void viewersReadFlowsButOnlyEditorsChangeThem() {
    String viewer = api.server.keys().issue(Role.VIEWER, "v").secret();
    String yaml = FlowApiHarness.example("welcome.yaml");
    assertThat(api.call("POST", "/api/flows", viewer, "application/yaml", yaml).statusCode())
        .isEqualTo(403);
    String editor = api.server.keys().issue(Role.EDITOR, "e").secret();
    assertThat(api.call("POST", "/api/flows", editor, "application/yaml", yaml).statusCode())
        .isEqualTo(201);
    assertThat(api.call("GET", "/api/flows/welcome/stats", viewer, "", "").statusCode())
        .isEqualTo(200);
    assertThat(api.call("POST", "/api/flows/welcome/publish", viewer, "", "").statusCode())
        .isEqualTo(403);
  }

  private com.fasterxml.jackson.databind.node.ArrayNode withTrack(String user, String event) {
    var calls = api.calls();
    api.track(calls, user, event);
    return calls;
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
