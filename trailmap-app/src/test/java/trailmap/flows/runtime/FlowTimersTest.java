package trailmap.flows.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.eventlog.MemoryEventLog;
import trailmap.profiles.IdentityRules;
import trailmap.profiles.ProfileStore;

/** Due timers fire a batch per transaction; every wake-up still fires exactly once. */
class FlowTimersTest {
  static final String FLOW =
      """
      id: timers
      name: Timers
      trigger:
        event: Trial Started
      steps:
        - id: hello
          email: {template: hello, subject: Hello, to: email}
        - id: pause
          wait: 1d
        - id: bye
          email: {template: bye, subject: Bye, to: email}
      """;

  @TempDir Path dir;
  final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T10:00:00Z"));
  final MemoryEventLog log = new MemoryEventLog();

  @Test
  void everyDueTimerFiresOnceWhenMoreAreDueThanOneBatchHolds() {
    int profiles = 1203; // more than two batches, all due at the same millisecond
    try (FlowStore flows = FlowStore.open(dir, clock);
        ProfileStore store = ProfileStore.open(dir, IdentityRules.defaults(), clock)) {
      flows.saveTemplate("hello", "<p>Hello</p>");
      flows.saveTemplate("bye", "<p>Bye</p>");
      flows.createDraft("timers.yaml", FLOW);
      flows.publish("timers", 1, false);
      for (int i = 0; i < profiles; i++) {
        String user = "u" + i;
        log.add(
            FlowEvents.identify(user, clock.instant(), Map.of("email", user + "@example.com")),
            FlowEvents.track(user, "Trial Started", clock.instant()));
      }
      while (store.position() < log.end()) {
        store.apply(log.readPage(store.position(), 1000));
      }
      try (FlowRuntime runtime =
          FlowRuntime.create(
              flows,
              store,
              log,
              store::position,
              clock,
              FlowSettings.defaults(URI.create("http://127.0.0.1")))) {
        assertThat(runtime.advance()).isEqualTo(2 * profiles); // the events; no timer is due
        assertThat(flows.stepCounts("timers")).containsExactly(new StepCount(1, "pause", profiles));

        clock.advance(Duration.ofDays(1));
        assertThat(runtime.advance()).isEqualTo(profiles);
        assertThat(runtime.advance()).isZero();
        clock.advance(Duration.ofDays(1));
        assertThat(runtime.advance()).as("no wake-up fires twice").isZero();
      }
      assertThat(flows.stepCounts("timers")).isEmpty();
      assertThat(flows.outcomes("timers")).containsExactly(Map.entry("COMPLETED", (long) profiles));
      assertThat(flows.outboxCounts("timers")).containsExactly(Map.entry("pending", 2L * profiles));
    }
  }
}
