package trailmap.flows.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import trailmap.eventlog.MemoryEventLog;
import trailmap.profiles.IdentityRules;
import trailmap.profiles.ProfileRef;
import trailmap.profiles.ProfileStore;

/**
 * The runtime keeps email bodies after their first read (TemplateBodies), yet a message decided
 * after a template is saved again renders the new body, and one decided after a missing template is
 * stored renders it instead of going dead; an email queued before a template is saved again goes
 * out with the body and the traits it was decided with (Payloads), through a real SMTP server.
 */
class TemplateBodiesTest {
  static final String FLOW =
      """
      id: hello
      name: Hello
      trigger:
        event: Trial Started
      steps:
        - id: hello
          email: {template: hello, subject: Hello, to: email}
        - id: later
          email: {template: later, subject: Later, to: email}
      """;

  static final ObjectMapper MAPPER = new ObjectMapper();

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @TempDir Path dir;
  final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T10:00:00Z"));
  final MemoryEventLog log = new MemoryEventLog();

  @Test
  void aSavedBodyIsWhatTheNextDecisionRenders() {
    try (FlowStore flows = FlowStore.open(dir, clock);
        ProfileStore store = ProfileStore.open(dir, IdentityRules.defaults(), clock)) {
      flows.saveTemplate("hello", "<p>Hello, first</p>");
      flows.createDraft("hello.yaml", FLOW);
      flows.publish("hello", 1, false);
      try (FlowRuntime runtime = TestRuntimes.following(flows, store, log, clock)) {
        FlowEvents.startTrials(log, store, clock.instant(), List.of("ann"));
        runtime.advance();
        assertThat(payload(flows, store, "ann", "hello")).contains("Hello, first");
        // "later" is not stored yet: the message is dead for want of it.
        assertThat(status(flows, store, "ann", "later")).isEqualTo("dead");

        flows.saveTemplate("hello", "<p>Hello, second</p>");
        flows.saveTemplate("later", "<p>Later, at last</p>");
        FlowEvents.startTrials(log, store, clock.instant(), List.of("bob"));
        runtime.advance();
        assertThat(payload(flows, store, "bob", "hello"))
            .contains("Hello, second")
            .doesNotContain("first");
        assertThat(status(flows, store, "bob", "later")).isEqualTo("pending");
        assertThat(payload(flows, store, "bob", "later")).contains("Later, at last");
        // What was decided before stays as it was rendered.
        assertThat(payload(flows, store, "ann", "hello")).contains("Hello, first");
      }
    }
  }

  @Test
  void anEmailQueuedBeforeItsTemplateIsSavedAgainGoesOutWithTheBodyItWasDecidedWith()
      throws Exception {
    try (FlowStore flows = FlowStore.open(dir, clock);
        ProfileStore store = ProfileStore.open(dir, IdentityRules.defaults(), clock)) {
      flows.saveTemplate("hello", "<p>Hello {{ traits.name | default: 'there' }}, first</p>");
      flows.saveTemplate("later", "<p>Later</p>");
      flows.createDraft("hello.yaml", FLOW);
      flows.publish("hello", 1, false);
      FlowSettings settings = TestRuntimes.smtpOn(smtp.getSmtp().getPort());
      try (FlowRuntime runtime = TestRuntimes.following(flows, store, log, clock, settings)) {
        log.add(
            FlowEvents.identify("ann", clock.instant(), Map.of("email", "ann@example.com")),
            FlowEvents.track("ann", "Trial Started", clock.instant()));
        store.apply(log.readPage(store.position(), 10_000));
        runtime.advance(); // decided and queued, not handed over yet
        String queued = column(flows, store, "ann", "hello", "payload");
        assertThat(queued).doesNotContain("first").contains("\"template\"");

        // Saved again, and the trait the body reads changed, before the sender's turn.
        flows.saveTemplate("hello", "<p>Hello {{ traits.name }}, second</p>");
        log.add(FlowEvents.identify("ann", clock.instant(), Map.of("name", "Ann <3")));
        store.apply(log.readPage(store.position(), 10_000));
        runtime.step();

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2);
        String hello =
            Arrays.stream(received)
                .filter(m -> subject(m).equals("Hello"))
                .map(TemplateBodiesTest::body)
                .findFirst()
                .orElseThrow();
        assertThat(hello).contains("<p>Hello there, first</p>").doesNotContain("second");
      }
    }
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String body(MimeMessage m) {
    return GreenMailUtil.getBody(m);
  }

  /** The queued email's body as the sender writes it out (Payloads). */
  private static String payload(FlowStore flows, ProfileStore store, String user, String step) {
    JsonNode queued;
    try {
      queued = MAPPER.readTree(column(flows, store, user, step, "payload"));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return Payloads.writtenOut(queued, id -> flows.templateBodies().numbered(flows.db(), id))
        .orElseThrow()
        .get(Payloads.HTML)
        .asText();
  }

  private static String status(FlowStore flows, ProfileStore store, String user, String step) {
    return column(flows, store, user, step, "status");
  }

  private static String column(
      FlowStore flows, ProfileStore store, String user, String step, String column) {
    String profile = store.resolve(ProfileRef.parse("userId:" + user)).orElseThrow().value();
    return flows
        .db()
        .read(
            c ->
                Sql.one(
                        c,
                        "SELECT " + column + " FROM outbox WHERE profile_id = ? AND step = ?",
                        r -> r.getString(1),
                        profile,
                        step)
                    .orElseThrow());
  }
}
