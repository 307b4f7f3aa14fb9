package trailmap.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static trailmap.eventlog.TestEvents.event;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real write failure: a separate JVM runs under {@code ulimit -f}, so the segment file cannot
 * grow past the limit and the write fails (EFBIG, as on a full disk).
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class DiskFailureTest {
  @TempDir Path dir;

  @Test
  void failsTheAppendThatCannotBeWrittenRefusesLaterOnesAndRecoversOnReopen() throws Exception {
    Path logDir = dir.resolve("eventlog");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                "/bin/sh",
                "-c",
                "ulimit -f 64 && exec \"$0\" -Xmx128m -XX:TieredStopAtLevel=1 -cp \"$1\" \"$2\" \"$3\"",
                java,
                System.getProperty("java.class.path"),
                FullDiskAppender.class.getName(),
                logDir.toString())
            .redirectErrorStream(true)
            .start();
    assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
    List<String> lines =
        new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    List<String> acknowledged =
        lines.stream().filter(l -> l.startsWith("ACK ")).map(l -> l.substring(4)).toList();

    assertThat(acknowledged).as("output: %s", lines).hasSizeGreaterThan(10);
    assertThat(lines)
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith("FAILED event log in ")
                    .contains("could not write to")
                    .endsWith("it refuses appends until it is reopened"));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("REFUSED event log in "));

    try (FileEventLog log = FileEventLog.open(logDir)) {
      assertThat(TestEvents.ids(log.read(0, 10_000))).isEqualTo(acknowledged);
      assertThat(log.append(List.of(event("after-reopen"))).join().accepted()).isEqualTo(1);
      assertThat(log.end()).isEqualTo(acknowledged.size() + 1);
    }
  }
}
