package trailmap.flows.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.eventlog.MemoryEventLog;
import trailmap.profiles.IdentityRules;
import trailmap.profiles.ProfileStore;

/**
 * A write to flows.db between a page's read of its profiles' flow states (to tell which profiles
 * the page concerns) and the page's transaction: the transaction reads the states again instead of
 * acting on the ones read before (FlowWork.involved, SQLite's total_changes()).
 */
class FlowPageRacesTest {
  /** FlowTimersTest's flow, version 2 of which leaves the flow on {@code Poke}. */
  static final String V2 =
      FlowTimersTest.FLOW
          + """
          exits:
            - event: Poke
          """;

  @TempDir Path dir;
  final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T10:00:00Z"));
  final MemoryEventLog log = new MemoryEventLog();

  /**
   * Version 2 is published with its profiles migrated while a page with a {@code Poke} is between
   * its read and its transaction: the profile is on version 2 when the page acts, so the Poke takes
   * it out. With the states read before the publish, version 1 (which has no such exit) would
   * handle the Poke and the profile would wait on.
   */
  @Test
  void aPublishWithMigrationBetweenAPagesReadAndItsTransactionIsSeenByThePage() {
    try (FlowStore flows = FlowStore.open(dir, clock);
        ProfileStore store = ProfileStore.open(dir, IdentityRules.defaults(), clock)) {
      flows.saveTemplate("hello", "<p>Hello</p>");
      flows.saveTemplate("bye", "<p>Bye</p>");
      flows.createDraft("timers.yaml", FlowTimersTest.FLOW);
      flows.publish("timers", 1, false);
      FlowEvents.startTrials(log, store, clock.instant(), List.of("u1"));
      try (FlowRuntime runtime = TestRuntimes.following(flows, store, log, clock)) {
        assertThat(runtime.advance()).isEqualTo(2);
        assertThat(flows.stepCounts("timers")).containsExactly(new StepCount(1, "pause", 1));
        assertThat(flows.createDraft("timers.yaml", V2)).isInstanceOf(DraftResult.Created.class);

        log.add(FlowEvents.track("u1", "Poke", clock.instant()));
        FlowEvents.applyAll(log, store);
        AtomicInteger published = new AtomicInteger();
        runtime.beforePageTransaction(
            () -> {
              if (published.getAndIncrement() == 0) {
                assertThat(flows.publish("timers", 2, true)).as("profiles migrated").isEqualTo(1);
              }
            });
        assertThat(runtime.advance()).isEqualTo(1);
        assertThat(published)
            .as("the publish ran between the page's read and its transaction")
            .hasValueGreaterThan(0);

        assertThat(flows.outcomes("timers"))
            .as("version 2's exit took the profile out")
            .containsExactly(Map.entry("EXITED", 1L));
        assertThat(flows.stepCounts("timers")).isEmpty();
      }
    }
  }
}
