package trailmap.flows.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import trailmap.eventlog.MemoryEventLog;
import trailmap.profiles.IdentityRules;
import trailmap.profiles.ProfileId;
import trailmap.profiles.ProfileRef;
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

  /** Profiles whose wake-ups, all due at the same millisecond, fill more than two batches. */
  private static final int MORE_THAN_TWO_BATCHES = 1203;

  @TempDir Path dir;
  final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T10:00:00Z"));
  final MemoryEventLog log = new MemoryEventLog();

  @Test
  void everyDueTimerFiresOnceWhenMoreAreDueThanOneBatchHolds() {
    int profiles = MORE_THAN_TWO_BATCHES;
    try (FlowStore flows = FlowStore.open(dir, clock);
        ProfileStore store = ProfileStore.open(dir, IdentityRules.defaults(), clock)) {
      startTrials(flows, store, users(profiles));
      try (FlowRuntime runtime = runtime(flows, store)) {
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

  /**
   * A runtime started on a flows.db where profiles wait reads every state into memory at its first
   * round ({@link StateCache}): their wake-ups then fire without one state read from the file.
   */
  @Test
  void aRestartedRuntimeFiresTheWakeUpsFromTheStatesItHolds() {
    int profiles = MORE_THAN_TWO_BATCHES;
    try (ProfileStore store = ProfileStore.open(dir, IdentityRules.defaults(), clock)) {
      try (FlowStore flows = FlowStore.open(dir, clock)) {
        startTrials(flows, store, users(profiles));
        try (FlowRuntime runtime = runtime(flows, store)) {
          assertThat(runtime.advance()).isEqualTo(2 * profiles);
        }
      }
      try (FlowStore flows = FlowStore.open(dir, clock);
          FlowRuntime runtime = runtime(flows, store)) {
        clock.advance(Duration.ofDays(1));
        assertThat(runtime.advance()).isEqualTo(profiles);
        assertThat(flows.states().size()).as("profiles held").isEqualTo(profiles);
        long[] hitsAndMisses = flows.states().hitsAndMisses();
        assertThat(hitsAndMisses[1]).as("profiles whose states were read from the file").isZero();
        assertThat(hitsAndMisses[0]).as("taken from memory").isGreaterThanOrEqualTo(profiles);
        assertThat(flows.outcomes("timers"))
            .containsExactly(Map.entry("COMPLETED", (long) profiles));
      }
    }
  }

  /**
   * Wake-ups fire a batch at a time, with the events that came meanwhile handled in between: a
   * trial that starts while a burst of wake-ups fires enters the flow before the burst is over.
   * Before, every due timer fired first and the event waited for the whole burst.
   */
  @Test
  void anEventThatArrivesDuringABurstOfWakeUpsIsHandledBeforeTheBurstEnds() {
    int profiles = MORE_THAN_TWO_BATCHES;
    try (FlowStore flows = FlowStore.open(dir, clock);
        ProfileStore store = ProfileStore.open(dir, IdentityRules.defaults(), clock)) {
      startTrials(flows, store, users(profiles));
      // The runtime sees the log up to `hiddenFrom` until the burst has completed someone: the
      // late trial's events arrive once the first batch has fired.
      AtomicLong hiddenFrom = new AtomicLong(Long.MAX_VALUE);
      LongSupplier applied =
          () ->
              flows.outcomes("timers").isEmpty()
                  ? Math.min(hiddenFrom.get(), store.position())
                  : store.position();
      try (FlowRuntime runtime = runtime(flows, store, applied)) {
        assertThat(runtime.advance()).isEqualTo(2 * profiles);

        clock.advance(Duration.ofDays(1));
        hiddenFrom.set(store.position());
        FlowEvents.startTrials(log, store, clock.instant(), List.of("late"));
        assertThat(runtime.advance())
            .as("the burst and the late trial's two events")
            .isEqualTo(profiles + 2);
      }
      assertThat(flows.outcomes("timers")).containsExactly(Map.entry("COMPLETED", (long) profiles));
      assertThat(flows.stepCounts("timers")).containsExactly(new StepCount(1, "pause", 1));
      String late = store.resolve(ProfileRef.parse("userId:late")).orElseThrow().value();
      long lateEntered = seq(flows, "SELECT MIN(seq) FROM activity WHERE profile_id = ?", late);
      long lastCompleted = seq(flows, "SELECT MAX(seq) FROM activity WHERE profile_id <> ?", late);
      assertThat(lateEntered).as("entered before the burst's last batch").isLessThan(lastCompleted);
    }
  }

  private static long seq(FlowStore flows, String sql, String profileId) {
    return flows.db().read(c -> Sql.one(c, sql, r -> r.getLong(1), profileId).orElseThrow());
  }

  /**
   * A fired wake-up is disarmed by the statement that writes the state it caused, also when the
   * engine finds it stale (its row is armed for another time than the state waits for); one that
   * writes no state (the person was erased from profiles.db, and flows.db's part of the erasure is
   * still to come) is disarmed on its own. Else it would be found due again in every round.
   */
  @Test
  // Without the disarm, advance() would find the wake-up due for ever: fail instead of hanging.
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aWakeUpThatChangesNothingIsDisarmedAndFoundDueNoMore() {
    try (FlowStore flows = FlowStore.open(dir, clock);
        ProfileStore store = ProfileStore.open(dir, IdentityRules.defaults(), clock)) {
      startTrials(flows, store, List.of("stale", "due", "erased"));
      try (FlowRuntime runtime = runtime(flows, store)) {
        assertThat(runtime.advance()).isEqualTo(6);
        ProfileId erased = store.resolve(ProfileRef.parse("userId:erased")).orElseThrow();
        assertThat(store.delete(erased, log)).isPresent();
        long early = clock.instant().plus(Duration.ofHours(1)).toEpochMilli();
        String stale = store.resolve(ProfileRef.parse("userId:stale")).orElseThrow().value();
        flows
            .db()
            .read(
                c ->
                    Sql.update(
                        c, "UPDATE flow_state SET due_at = ? WHERE profile_id = ?", early, stale));

        clock.advance(Duration.ofHours(2));
        assertThat(runtime.advance()).as("the stale wake-up was found due once").isEqualTo(1);
        assertThat(dueAt(flows, stale)).as("and disarmed").isNull();
        assertThat(runtime.advance()).isZero();
        assertThat(flows.stepCounts("timers")).containsExactly(new StepCount(1, "pause", 3));

        clock.advance(Duration.ofDays(1));
        assertThat(runtime.advance()).as("the other two fire as armed").isEqualTo(2);
        assertThat(dueAt(flows, erased.value())).as("the erased one's, disarmed").isNull();
        assertThat(runtime.advance()).isZero();
      }
      // The erased person's state waits for flows.db's part of the erasure.
      assertThat(flows.stepCounts("timers")).containsExactly(new StepCount(1, "pause", 2));
      assertThat(flows.outcomes("timers")).containsExactly(Map.entry("COMPLETED", 1L));
    }
  }

  /** Publishes the timers flow and has each user start a trial, applied by the profile store. */
  private void startTrials(FlowStore flows, ProfileStore store, List<String> users) {
    flows.saveTemplate("hello", "<p>Hello</p>");
    flows.saveTemplate("bye", "<p>Bye</p>");
    flows.createDraft("timers.yaml", FLOW);
    flows.publish("timers", 1, false);
    FlowEvents.startTrials(log, store, clock.instant(), users);
  }

  private FlowRuntime runtime(FlowStore flows, ProfileStore store) {
    return TestRuntimes.following(flows, store, log, clock);
  }

  /** A runtime that reads the log no further than {@code applied}. */
  private FlowRuntime runtime(FlowStore flows, ProfileStore store, LongSupplier applied) {
    return FlowRuntime.create(
        flows, store, log, applied, clock, FlowSettings.defaults(TestRuntimes.PUBLIC_URL));
  }

  private static List<String> users(int n) {
    List<String> users = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      users.add("u" + i);
    }
    return users;
  }

  private static Long dueAt(FlowStore flows, String profileId) {
    return flows
        .db()
        .read(
            c ->
                Sql.one(
                        c,
                        "SELECT due_at FROM flow_state WHERE profile_id = ?",
                        r -> {
                          long v = r.getLong(1);
                          return r.wasNull() ? -1L : v;
                        },
                        profileId)
                    .filter(v -> v >= 0)
                    .orElse(null));
  }
}
