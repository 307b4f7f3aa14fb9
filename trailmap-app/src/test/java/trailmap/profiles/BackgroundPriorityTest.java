package trailmap.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BackgroundPriorityTest {

  /** The nice value of the calling thread, field 19 of its /proc stat line. */
  private static int niceOfCurrentThread() throws Exception {
    String stat = Files.readString(Path.of("/proc/thread-self/stat"));
    // The command name (field 2) may hold spaces; the fields after it are separated by spaces.
    String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Integer.parseInt(after[16]);
  }

  @Test
  void lowersTheCallingThreadOnlyAndLeavesOthersAlone() throws Exception {
    int before = niceOfCurrentThread();
    AtomicReference<Integer> lowered = new AtomicReference<>();
    AtomicReference<Boolean> worked = new AtomicReference<>();
    Thread thread =
        Thread.ofPlatform()
            .start(
                () -> {
                  worked.set(BackgroundPriority.lowerCurrentThread());
                  try {
                    lowered.set(niceOfCurrentThread());
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                });
    thread.join();

    assertThat(worked.get()).isTrue();
    assertThat(lowered.get()).isEqualTo(Math.min(19, before + BackgroundPriority.NICE));
    assertThat(niceOfCurrentThread()).isEqualTo(before);
  }
}
