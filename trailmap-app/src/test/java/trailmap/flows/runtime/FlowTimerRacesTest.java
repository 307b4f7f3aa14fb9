package trailmap.flows.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.eventlog.MemoryEventLog;
import trailmap.profiles.IdentityRules;
import trailmap.profiles.ProfileStore;

/**
 * Due timers whose flow or profile changes while a round is under way: each fires once, none is
 * lost.
 */
class FlowTimerRacesTest {
  @TempDir Path dir;
  final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T10:00:00Z"));
  final MemoryEventLog log = new MemoryEventLog();

  /** The runtime's clock; runs {@code hook} once when FlowWork.fireDueTimers reads it. */
  static final class HookClock extends Clock {
    final Clock base;
    final AtomicReference<Runnable> hook = new AtomicReference<>();

    HookClock(Clock base) {
      this.base = base;
    }

    @Override
    public long millis() {
      boolean inTimers =
          StackWalker.getInstance()
              .walk(
                  s ->
                      s.anyMatch(
                          f ->
                              f.getClassName().equals(FlowWork.class.getName())
                                  && f.getMethodName().equals("fireDueTimers")));
      if (inTimers) {
        Runnable r = hook.getAndSet(null);
        if (r != null) {
          r.run();
        }
      }
      return base.millis();
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
      return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  private void start(FlowStore flows, ProfileStore store, List<String> docs, List<String> users) {
    flows.saveTemplate("hello", "<p>Hello</p>");
    flows.saveTemplate("bye", "<p>Bye</p>");
    for (String doc : docs) {
      String id =
          doc.lines().filter(l -> l.startsWith("id: ")).findFirst().orElseThrow().substring(4);
      flows.createDraft(id + ".yaml", doc);
      flows.publish(id, 1, false);
    }
    FlowEvents.startTrials(log, store, clock.instant(), users);
  }

  private FlowRuntime runtime(FlowStore flows, ProfileStore store, Clock runtimeClock) {
    return TestRuntimes.following(flows, store, log, runtimeClock);
  }

  /**
   * A flow resumed (published again) after a round's reload() but before its read of the due
   * timers: the round leaves their wake-ups armed, and the next round, which loads the flow, fires
   * them. Disarming them there (before 121feeb) left the profiles at the wait step for ever.
   */
  @Test
  void aWakeUpOfAFlowResumedWhileTheRoundStartsIsNotLost() {
    HookClock runtimeClock = new HookClock(clock);
    try (FlowStore flows = FlowStore.open(dir, clock);
        ProfileStore store = ProfileStore.open(dir, IdentityRules.defaults(), clock)) {
      start(flows, store, List.of(FlowTimersTest.FLOW), List.of("u1"));
      try (FlowRuntime runtime = runtime(flows, store, runtimeClock)) {
        assertThat(runtime.advance()).isEqualTo(2);
        assertThat(flows.stepCounts("timers")).containsExactly(new StepCount(1, "pause", 1));
        flows.pause("timers");
        clock.advance(Duration.ofDays(2));
        assertThat(runtime.advance()).isZero(); // paused: nothing is due
        // Resumed between this round's reload() and its read of the due timers.
        runtimeClock.hook.set(() -> flows.publish("timers", 1, false));
        runtime.advance();
        assertThat(runtimeClock.hook.get()).as("the resume ran inside fireDueTimers").isNull();
        runtime.advance();
        Optional<Integer> stuck =
            flows
                .db()
                .read(
                    c ->
                        Sql.one(
                            c,
                            "SELECT count(*) FROM flow_state WHERE"
                                + " flow_id = 'timers' AND step = 'pause' AND due_at IS NULL",
                            r -> r.getInt(1)));
        assertThat(stuck).as("no profile waits at 'pause' with its wake-up disarmed").hasValue(0);
        assertThat(flows.outcomes("timers"))
            .as("the resumed flow's wake-up fired")
            .containsExactly(Map.entry("COMPLETED", 1L));
      }
    }
  }

  /** Two flows of one profile due in the same batch: both fire, once (ProfileReads.armed/fired). */
  @Test
  void twoFlowsOfOneProfileDueInOneBatchBothFireOnce() {
    String second =
        FlowTimersTest.FLOW
            .replace("id: timers", "id: timers2")
            .replace("name: Timers", "name: Timers2");
    try (FlowStore flows = FlowStore.open(dir, clock);
        ProfileStore store = ProfileStore.open(dir, IdentityRules.defaults(), clock)) {
      start(flows, store, List.of(FlowTimersTest.FLOW, second), List.of("u1", "u2"));
      try (FlowRuntime runtime = runtime(flows, store, clock)) {
        assertThat(runtime.advance()).isEqualTo(4);
        clock.advance(Duration.ofDays(1));
        assertThat(runtime.advance()).isEqualTo(4); // four timers, one batch
        assertThat(runtime.advance()).isZero();
        for (String id : List.of("timers", "timers2")) {
          assertThat(flows.outcomes(id)).containsExactly(Map.entry("COMPLETED", 2L));
          assertThat(flows.outboxCounts(id)).containsExactly(Map.entry("pending", 4L));
        }
      }
    }
  }
}
