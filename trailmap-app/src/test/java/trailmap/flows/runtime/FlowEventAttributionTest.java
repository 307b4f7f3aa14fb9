package trailmap.flows.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.eventlog.MemoryEventLog;
import trailmap.profiles.IdentityRules;
import trailmap.profiles.ProfileId;
import trailmap.profiles.ProfileRef;
import trailmap.profiles.ProfileStore;

/**
 * Which profile's events a flow sees: the events the profile store attributed to it (one read per
 * page), with the events {@code did} conditions count read by name, an unnamed event by its type.
 */
class FlowEventAttributionTest {
  static final String FLOW =
      """
      id: returning
      name: Returning visitors
      trigger:
        event: Trial Started
      steps:
        - id: known
          split:
            branches:
              - if: {did: identify, atLeast: 2, within: 1d}
                next: welcome-back
            otherwise: hello
        - id: hello
          email: {template: hello, subject: Hello, to: email}
        - id: stop
          wait: 1d
        - id: welcome-back
          email: {template: back, subject: Welcome back, to: email}
        - id: pause
          wait: 1d
      """;

  @TempDir Path dir;
  final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T10:00:00Z"));
  final MemoryEventLog log = new MemoryEventLog();

  @Test
  void aDidConditionCountsUnnamedEventsByTheirTypeAndJunkOnlyEventsStartNoFlow() {
    try (FlowStore flows = FlowStore.open(dir, clock);
        ProfileStore store = ProfileStore.open(dir, IdentityRules.defaults(), clock)) {
      flows.saveTemplate("hello", "<p>Hello</p>");
      flows.saveTemplate("back", "<p>Welcome back</p>");
      flows.createDraft("returning.yaml", FLOW);
      flows.publish("returning", 1, false);
      Instant at = clock.instant();
      log.add(
          // Ada identified twice before her trial: the split's did counts both identify calls.
          FlowEvents.identify("ada", at, Map.of("email", "ada@example.com")),
          FlowEvents.identify("ada", at.plusSeconds(1), Map.of("plan", "free")),
          FlowEvents.track("ada", "Trial Started", at.plusSeconds(2)),
          // Bob identified once.
          FlowEvents.identify("bob", at, Map.of("email", "bob@example.com")),
          FlowEvents.track("bob", "Trial Started", at.plusSeconds(2)),
          // "undefined" is a junk userId: the event lands on a profile of its own that holds no
          // identity and that nothing can reach again; no flow starts for it.
          FlowEvents.track("undefined", "Trial Started", at.plusSeconds(3)));
      FlowEvents.applyAll(log, store);
      clock.advance(Duration.ofSeconds(5));
      try (FlowRuntime runtime = TestRuntimes.following(flows, store, log, clock)) {
        runtime.advance();
      }

      assertThat(outboxSteps(flows, store, "ada")).containsExactly("welcome-back");
      assertThat(outboxSteps(flows, store, "bob")).containsExactly("hello");
      assertThat(flows.stepCounts("returning"))
          .as("Ada and Bob wait; the junk profile never entered")
          .containsExactlyInAnyOrder(new StepCount(1, "pause", 1), new StepCount(1, "stop", 1));
    }
  }

  private static java.util.List<String> outboxSteps(
      FlowStore flows, ProfileStore store, String user) {
    ProfileId id = store.resolve(ProfileRef.parse("userId:" + user)).orElseThrow();
    return flows.outboxOf(id.value()).stream().map(OutboxMessage::step).toList();
  }
}
