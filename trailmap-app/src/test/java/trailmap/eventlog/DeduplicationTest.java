package trailmap.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static trailmap.eventlog.TestEvents.event;
import static trailmap.eventlog.TestEvents.ids;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.eventlog.EventLog.AppendResult;

class DeduplicationTest {
  @TempDir Path dir;

  private final SettableClock clock = new SettableClock(Instant.parse("2026-11-20T10:00:00Z"));
  private final EventLogOptions options = EventLogOptions.defaults().withClock(clock);

  @Test
  void storesAMessageIdRepeatedWithinOneAppendOnce() {
    try (FileEventLog log = FileEventLog.open(dir, options)) {
      AppendResult result =
          log.append(List.of(event("a"), event("b"), event("a"), event("c"), event("b"))).join();

      assertThat(result).isEqualTo(new AppendResult(3, 2));
      assertThat(ids(log.read(0, 10))).containsExactly("a", "b", "c");
    }
  }

  @Test
  void countsARetriedAppendAsDuplicates() {
    try (FileEventLog log = FileEventLog.open(dir, options)) {
      log.append(List.of(event("a"), event("b"))).join();

      assertThat(log.append(List.of(event("b"), event("c"))).join())
          .isEqualTo(new AppendResult(1, 1));
      assertThat(log.append(List.of(event("a"), event("b"))).join())
          .isEqualTo(new AppendResult(0, 2));
      assertThat(ids(log.read(0, 10))).containsExactly("a", "b", "c");
      assertThat(log.end()).isEqualTo(3);
    }
  }

  @Test
  void remembersMessageIdsAcrossReopen() {
    try (FileEventLog log = FileEventLog.open(dir, options)) {
      log.append(List.of(event("a"), event("b"))).join();
    }
    clock.advance(Duration.ofDays(6));
    try (FileEventLog log = FileEventLog.open(dir, options)) {
      assertThat(log.append(List.of(event("a"), event("new"))).join())
          .isEqualTo(new AppendResult(1, 1));
      assertThat(ids(log.read(0, 10))).containsExactly("a", "b", "new");
    }
  }

  @Test
  void remembersMessageIdsFromEarlierSegmentsAcrossReopen() {
    EventLogOptions small = options.withSegmentBytes(1024);
    try (FileEventLog log = FileEventLog.open(dir, small)) {
      for (int i = 0; i < 30; i++) {
        log.append(List.of(event("id" + i))).join();
      }
    }
    try (FileEventLog log = FileEventLog.open(dir, small)) {
      for (int i = 0; i < 30; i++) {
        assertThat(log.append(List.of(event("id" + i))).join().duplicates()).isEqualTo(1);
      }
      assertThat(log.end()).isEqualTo(30);
    }
  }

  @Test
  void appendsAMessageIdAgainOnceTheWindowHasPassed() {
    try (FileEventLog log = FileEventLog.open(dir, options)) {
      log.append(List.of(event("a"))).join();
      clock.advance(Duration.ofDays(6));
      assertThat(log.append(List.of(event("a"))).join().duplicates()).isEqualTo(1);
      clock.advance(Duration.ofDays(3)); // 9 days after the first append: past 7 days + 1 day
      assertThat(log.append(List.of(event("a"))).join()).isEqualTo(new AppendResult(1, 0));
      assertThat(ids(log.read(0, 10))).containsExactly("a", "a");
    }
  }

  @Test
  void forgetsMessageIdsOlderThanTheWindowOnReopen() {
    try (FileEventLog log = FileEventLog.open(dir, options)) {
      log.append(List.of(event("old"))).join();
    }
    clock.advance(Duration.ofDays(9));
    try (FileEventLog log = FileEventLog.open(dir, options)) {
      assertThat(log.append(List.of(event("old"))).join()).isEqualTo(new AppendResult(1, 0));
    }
  }

  @Test
  void honoursAConfiguredWindow() {
    EventLogOptions hour = options.withDedupWindow(Duration.ofHours(1));
    try (FileEventLog log = FileEventLog.open(dir, hour)) {
      log.append(List.of(event("a"))).join();
      clock.advance(Duration.ofDays(2));
      assertThat(log.append(List.of(event("a"))).join().accepted()).isEqualTo(1);
    }
  }
}
