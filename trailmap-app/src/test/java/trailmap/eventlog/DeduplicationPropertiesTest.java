package trailmap.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import trailmap.events.Event;

class DeduplicationPropertiesTest {

  /** Whatever the batches and restarts, the log holds each id once, in first-seen order. */
  @Property(tries = 40)
  void holdsEachMessageIdOnceInFirstSeenOrder(
      @ForAll @Size(min = 1, max = 12)
          List<@Size(min = 1, max = 8) List<@IntRange(max = 15) Integer>> batches,
      @ForAll @IntRange(max = 12) int reopenAfter)
      throws IOException {
    Path dir = Files.createTempDirectory("eventlog-prop");
    EventLogOptions small = EventLogOptions.defaults().withSegmentBytes(1024);
    Set<String> firstSeen = new LinkedHashSet<>();
    int accepted = 0;
    int duplicates = 0;
    try {
      FileEventLog log = FileEventLog.open(dir, small);
      for (int b = 0; b < batches.size(); b++) {
        if (b == reopenAfter) {
          log.close();
          log = FileEventLog.open(dir, small);
        }
        List<Event> events = new ArrayList<>();
        for (int id : batches.get(b)) {
          events.add(TestEvents.event("m" + id));
          firstSeen.add("m" + id);
        }
        EventLog.AppendResult result = log.append(events).join();
        accepted += result.accepted();
        duplicates += result.duplicates();
      }
      List<String> stored = TestEvents.ids(log.read(0, 1000));
      log.close();

      assertThat(stored).containsExactlyElementsOf(firstSeen);
      assertThat(accepted).isEqualTo(firstSeen.size());
      assertThat(accepted + duplicates).isEqualTo(batches.stream().mapToInt(List::size).sum());
    } finally {
      deleteTree(dir);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
