package trailmap.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 loses no acknowledged event: a separate JVM appends under load and reports what was
 * acknowledged; the test kills it at different moments and finds each reported messageId stored
 * exactly once. The runs share one directory, so each run also recovers the previous crash.
 */
class CrashTest {
  private static final Pattern ACK = Pattern.compile("r\\d+-t\\d+-\\d+-\\d+;");

  @TempDir Path dir;

  @Test
  void losesNoAcknowledgedEventWhenTheProcessIsKilled() throws Exception {
    Path logDir = dir.resolve("eventlog");
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    long[] delaysMillis = {0, 250, 600};
    for (int run = 0; run < delaysMillis.length; run++) {
      int before = acknowledged.size();
      runAndKill(logDir, run, delaysMillis[run], acknowledged);
      assertThat(acknowledged.size())
          .as("run %d acknowledged something", run)
          .isGreaterThan(before);

      try (FileEventLog log = FileEventLog.open(logDir)) {
        List<EventLog.LogEntry> all = log.read(0, Integer.MAX_VALUE);
        Map<String, Integer> stored = new HashMap<>();
        all.forEach(e -> stored.merge(e.event().messageId(), 1, Integer::sum));

        assertThat(all).hasSize((int) log.end());
        assertThat(stored).as("every stored id once").allSatisfy((id, n) -> assertThat(n).isOne());
        assertThat(stored.keySet()).as("after run %d", run).containsAll(acknowledged);
      }
    }
  }

  private void runAndKill(Path logDir, int run, long delayMillis, Set<String> acknowledged)
      throws Exception {
    Path stderr = dir.resolve("stderr-" + run + ".txt");
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                CrashingAppender.class.getName(),
                logDir.toString(),
                Integer.toString(run),
                "6")
            .redirectError(stderr.toFile())
            .start();
    try {
      int[] seen = {0};
      Thread reader =
          Thread.ofPlatform()
              .start(
                  () -> {
                    try (BufferedReader in =
                        new BufferedReader(
                            new InputStreamReader(
                                child.getInputStream(), StandardCharsets.UTF_8))) {
                      String line;
                      while ((line = in.readLine()) != null) {
                        // A line cut by the kill has no ';' and was never fully reported.
                        if (ACK.matcher(line).matches()) {
                          acknowledged.add(line.substring(0, line.length() - 1));
                          synchronized (seen) {
                            seen[0]++;
                            seen.notifyAll();
                          }
                        }
                      }
                    } catch (IOException e) {
                      // The pipe breaks when the child dies: what was read is all it reported.
                    }
                  });
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
      synchronized (seen) {
        while (seen[0] < 50 && System.nanoTime() < deadline && child.isAlive()) {
          seen.wait(100);
        }
      }
      assertThat(child.isAlive())
          .as("the appender runs (stderr: %s)", Files.readString(stderr))
          .isTrue();
      Thread.sleep(delayMillis);
      child.destroyForcibly();
      assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
      reader.join(5000);
    } finally {
      child.destroyForcibly();
    }
  }
}
