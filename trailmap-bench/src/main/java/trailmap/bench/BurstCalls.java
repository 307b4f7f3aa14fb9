package trailmap.bench;

import java.util.Arrays;
import java.util.List;
import trailmap.flows.runtime.FlowStore;
import trailmap.profiles.ProfileId;

/**
 * A thread that, while the flow thread fires a burst of wake-ups, makes API calls of a flow ({@link
 * FlowStore#requestApiCall}, what {@code POST /api/flows/{id}/trigger} does), one profile every
 * {@value #PAUSE_MILLIS} ms, and times each from the call until the profile's timeline shows the
 * flow: how long a new trigger waits behind the burst.
 */
final class BurstCalls {
  /** Before the first call, so that the burst is under way; and between calls. */
  static final long PAUSE_MILLIS = 200;

  /** A call not handled by then counts as this long (the burst outlasted it). */
  private static final long GIVE_UP_NANOS = 120_000_000_000L;

  private final double[] millis; // written by the thread, read after join
  private final Thread thread;

  private BurstCalls(FlowStore flows, String flowId, List<ProfileId> profiles) {
    millis = new double[profiles.size()];
    thread =
        Thread.ofPlatform()
            .name("bench-burst-calls")
            .daemon()
            .unstarted(() -> run(flows, flowId, profiles));
  }

  private void run(FlowStore flows, String flowId, List<ProfileId> profiles) {
    long[] called = new long[profiles.size()];
    boolean[] done = new boolean[profiles.size()];
    int made = 0;
    int handled = 0;
    long next = System.nanoTime() + PAUSE_MILLIS * 1_000_000;
    while (handled < profiles.size()) {
      long now = System.nanoTime();
      if (made < profiles.size() && now >= next) {
        flows.requestApiCall(flowId, profiles.get(made).value());
        called[made++] = now;
        next += PAUSE_MILLIS * 1_000_000;
      }
      for (int k = 0; k < made; k++) {
        if (!done[k]
            && (entered(flows, flowId, profiles.get(k)) || now - called[k] > GIVE_UP_NANOS)) {
          done[k] = true;
          handled++;
          millis[k] = (System.nanoTime() - called[k]) / 1e6;
        }
      }
      try {
        Thread.sleep(2); // polls the timelines without taking a core from the flow thread
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Starts making the calls, one per profile, {@value #PAUSE_MILLIS} ms apart. */
  static BurstCalls start(FlowStore flows, String flowId, List<ProfileId> profiles) {
    BurstCalls calls = new BurstCalls(flows, flowId, profiles);
    calls.thread.start();
    return calls;
  }

  private static boolean entered(FlowStore flows, String flowId, ProfileId profile) {
    return flows.activity(profile.value(), 5).stream().anyMatch(a -> a.flowId().equals(flowId));
  }

  /** Whether calls are still to be made or handled. */
  boolean running() {
    return thread.isAlive();
  }

  /** How long each call waited, in ms, sorted; call once {@link #running} is false. */
  double[] sortedMillis() {
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    return sorted;
  }
}
