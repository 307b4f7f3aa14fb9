package trailmap.flows.runtime;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Benchmark machinery (trailmap-bench, in the runtime's package to reach its held states): how long
 * a runtime starting on a data directory's flows.db takes to hold every flow state in memory
 * ({@link StateCache#warm}, the flow thread's first round after a restart), on a {@link FlowStore}
 * of its own opened beside the one in use, as a restarted server opens it.
 */
public final class StateWarmUp {
  private StateWarmUp() {}

  /** How many profiles' states were read, in how long, and whether every one fitted. */
  public record Result(int profiles, Duration took, boolean complete) {}

  public static Result onReopened(Path dataDir, Clock clock) {
    try (FlowStore store = FlowStore.open(dataDir, clock)) {
      long start = System.nanoTime();
      int profiles = store.db().read(store.states()::warm);
      return new Result(
          profiles, Duration.ofNanos(System.nanoTime() - start), store.states().complete());
    }
  }
}
