package trailmap.flows.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.eventlog.MemoryEventLog;
import trailmap.profiles.IdentityRules;
import trailmap.profiles.ProfileRef;
import trailmap.profiles.ProfileStore;

/**
 * The runtime keeps email bodies after their first read (TemplateBodies), yet a message decided
 * after a template is saved again renders the new body, and one decided after a missing template is
 * stored renders it instead of going dead.
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

  private static String payload(FlowStore flows, ProfileStore store, String user, String step) {
    return column(flows, store, user, step, "payload");
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
