package trailmap.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Wall time and the calling thread's CPU time since it started. On a machine shared with other work
 * the wall time says what a user waits; the CPU time per operation moves less with the load, so two
 * runs taken at different loads compare by it. CPU time leaves out waits for the disk.
 */
final class Stopwatch {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final long wallStart = System.nanoTime();
  private final long cpuStart = THREADS.getCurrentThreadCpuTime();
  private long wall = -1;
  private long cpu;

  /** Stops the watch (from the thread that started it); later reads return the stopped times. */
  Stopwatch stop() {
    wall = System.nanoTime() - wallStart;
    cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
    return this;
  }

  double seconds() {
    return (wall < 0 ? System.nanoTime() - wallStart : wall) / 1e9;
  }

  /** Per second of wall time. */
  double rate(long operations) {
    return operations / seconds();
  }

  /** The calling thread's CPU microseconds per operation. */
  double cpuMicros(long operations) {
    return cpu / 1e3 / Math.max(1, operations);
  }
}
