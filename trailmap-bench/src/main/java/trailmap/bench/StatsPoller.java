package trailmap.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import trailmap.flows.runtime.FlowStore;

/**
 * A thread that reads a flow's statistics ({@link FlowStore#stats}, what {@code GET
 * /api/flows/{id}/stats} and the web UI's flow page read) every second until stopped, as a few
 * people reloading the flow page or a dashboard polling the API would; it times each read.
 */
final class StatsPoller {
  /**
   * The pause after each read. Without one, a poller sharing the flow thread's connection took its
   * lock again as soon as it let go, and the flow thread never got it.
   */
  private static final long PAUSE_MILLIS = 1000;

  private final AtomicBoolean running = new AtomicBoolean(true);
  private final List<Double> millis = new ArrayList<>(); // written by the thread, read after join
  private final Thread thread;

  private StatsPoller(FlowStore flows, String flowId) {
    thread =
        Thread.ofPlatform()
            .name("bench-stats-poller")
            .daemon()
            .unstarted(
                () -> {
                  while (running.get()) {
                    long start = System.nanoTime();
                    flows.stats(flowId);
                    millis.add((System.nanoTime() - start) / 1e6);
                    pause();
                  }
                });
  }

  private void pause() {
    try {
      Thread.sleep(PAUSE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running.set(false);
    }
  }

  static StatsPoller start(FlowStore flows, String flowId) {
    StatsPoller poller = new StatsPoller(flows, flowId);
    poller.thread.start();
    return poller;
  }

  /** Stops after the read in progress (cutting its pause short) and waits for it. */
  void stop() throws InterruptedException {
    running.set(false);
    thread.interrupt();
    thread.join();
  }

  /** How many reads finished; call after {@link #stop}. */
  int reads() {
    return millis.size();
  }

  /** The median read time in ms (0 when none finished); call after {@link #stop}. */
  double medianMillis() {
    if (millis.isEmpty()) {
      return 0;
    }
    List<Double> sorted = new ArrayList<>(millis);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }
}
