package trailmap.profiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lowers the calling thread's scheduling priority (Linux nice +19, the lowest), so that when the
 * cores are busy, acknowledging events goes first and applying them to profiles waits: a 200 must
 * never be slowed by work that can lag without losing anything (the log is the source of truth, and
 * {@code trailmap_profiles_lag_events} shows the lag). Java cannot set a thread's nice value, so
 * this finds the thread's kernel id in {@code /proc/thread-self} and runs {@code renice}, which
 * needs no privilege to lower a priority. Anywhere that fails (not Linux, no renice), the thread
 * keeps its priority and one INFO line says so.
 */
final class BackgroundPriority {
  private static final Logger LOG = LoggerFactory.getLogger(BackgroundPriority.class);
  static final int NICE = 19;

  private BackgroundPriority() {}

  /** Lowers the current thread; answers whether it worked. */
  static boolean lowerCurrentThread() {
    try {
      // "/proc/thread-self" links to "<pid>/task/<tid>".
      Path link = Files.readSymbolicLink(Path.of("/proc/thread-self"));
      String tid = link.getFileName().toString();
      Process renice =
          new ProcessBuilder("renice", "-n", String.valueOf(NICE), "-p", tid)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (renice.waitFor(Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS)
          && renice.exitValue() == 0) {
        return true;
      }
      renice.destroyForcibly();
      LOG.info("profiles: renice failed, so the processor keeps normal priority");
    } catch (IOException | UnsupportedOperationException e) {
      LOG.info("profiles: the processor keeps normal priority ({})", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }
}
