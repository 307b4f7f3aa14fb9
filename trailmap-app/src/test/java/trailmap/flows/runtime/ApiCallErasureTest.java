package trailmap.flows.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.eventlog.MemoryEventLog;
import trailmap.profiles.IdentityRules;
import trailmap.profiles.ProfileId;
import trailmap.profiles.ProfileRef;
import trailmap.profiles.ProfileStore;

/**
 * An API call accepted for a person whose erasure ran before the runtime handled it (the route
 * resolved the profile, then the erasure deleted every row of theirs, then the call was stored)
 * leaves no row naming them: the call starts nothing and its history row goes too.
 */
class ApiCallErasureTest {
  static final String FLOW =
      """
      id: nudge
      name: Nudge
      trigger:
        api: true
      steps:
        - id: hello
          email: {template: hello, subject: Hello, to: email}
      """;

  @TempDir Path dir;
  final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T10:00:00Z"));
  final MemoryEventLog log = new MemoryEventLog();

  @Test
  void aCallStoredAfterItsPersonWasErasedIsDroppedWithItsHistoryRow() {
    try (FlowStore flows = FlowStore.open(dir, clock);
        ProfileStore profiles = ProfileStore.open(dir, IdentityRules.defaults(), clock)) {
      flows.saveTemplate("hello", "<p>Hello</p>");
      flows.createDraft("nudge.yaml", FLOW);
      flows.publish("nudge", 1, false);
      for (String user : new String[] {"ann", "bob"}) {
        log.add(FlowEvents.identify(user, clock.instant(), Map.of("email", user + "@example.com")));
      }
      profiles.apply(log.readPage(0, 10));
      ProfileId ann = profiles.resolve(ProfileRef.parse("userId:ann")).orElseThrow();
      ProfileId bob = profiles.resolve(ProfileRef.parse("userId:bob")).orElseThrow();

      assertThat(profiles.delete(ann, log)).isPresent();
      flows.erase(Set.of(ann));
      flows.requestApiCall("nudge", ann.value()); // resolved before the erasure, stored after it
      flows.requestApiCall("nudge", bob.value());

      try (FlowRuntime runtime = TestRuntimes.following(flows, profiles, log, clock)) {
        runtime.advance();
      }

      assertThat(OutboxErasureTest.rowsOf(flows, ann)).as("rows naming ann").isZero();
      assertThat(flows.outboxOf(bob.value())).hasSize(1);
    }
  }
}
