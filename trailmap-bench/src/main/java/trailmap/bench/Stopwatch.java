package trailmap.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * Wall time and the CPU time since it started of the calling thread and of the flow runtime's
 * read-ahead threads (named {@code trailmap-flow-…}: they read profile views for the flow thread,
 * so a figure without them would leave out part of each operation's work). On a machine shared with
 * other work the wall time says what a user waits; the CPU time per operation moves less with the
 * load, so two runs taken at different loads compare by it. CPU time leaves out waits for the disk.
 */
final class Stopwatch {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private static final String HELPERS = "trailmap-flow-";

  private final long wallStart = System.nanoTime();
  private final long cpuStart = THREADS.getCurrentThreadCpuTime();
  private final Map<Long, Long> helpersStart = helperCpu();
  private long wall = -1;
  private long cpu;

  /** Stops the watch (from the thread that started it); later reads return the stopped times. */
  Stopwatch stop() {
    wall = System.nanoTime() - wallStart;
    cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
    helperCpu().forEach((id, now) -> cpu += now - helpersStart.getOrDefault(id, 0L));
    return this;
  }

  /** The CPU time of each live read-ahead thread, by thread id. */
  private static Map<Long, Long> helperCpu() {
    Map<Long, Long> out = new HashMap<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith(HELPERS)) {
        long time = THREADS.getThreadCpuTime(t.threadId());
        if (time >= 0) {
          out.put(t.threadId(), time);
        }
      }
    }
    return out;
  }

  double seconds() {
    return (wall < 0 ? System.nanoTime() - wallStart : wall) / 1e9;
  }

  /** Per second of wall time. */
  double rate(long operations) {
    return operations / seconds();
  }

  /** CPU microseconds per operation: the calling thread's and the read-ahead threads'. */
  double cpuMicros(long operations) {
    return cpu / 1e3 / Math.max(1, operations);
  }
}
