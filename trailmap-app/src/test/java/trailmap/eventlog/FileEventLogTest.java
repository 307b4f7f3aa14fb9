package trailmap.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static trailmap.eventlog.TestEvents.event;
import static trailmap.eventlog.TestEvents.events;
import static trailmap.eventlog.TestEvents.ids;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.eventlog.EventLog.AppendResult;
import trailmap.events.Event;

class FileEventLogTest {
  @TempDir Path dir;

  @Test
  void readsBackWhatWasAppendedInOrderFromPositionZero() {
    List<Event> batch = events("a", 5);
    try (FileEventLog log = FileEventLog.open(dir)) {
      assertThat(log.end()).isZero();
      assertThat(log.append(batch).join()).isEqualTo(new AppendResult(5, 0));

      List<EventLog.LogEntry> read = log.read(0, 100);
      assertThat(read).extracting(EventLog.LogEntry::position).containsExactly(0L, 1L, 2L, 3L, 4L);
      assertThat(read).extracting(EventLog.LogEntry::event).isEqualTo(batch);
      assertThat(log.end()).isEqualTo(5);
    }
  }

  @Test
  void keepsPositionsDenseAndStableAcrossReopen() {
    try (FileEventLog log = FileEventLog.open(dir)) {
      log.append(events("first", 3)).join();
    }
    try (FileEventLog log = FileEventLog.open(dir)) {
      assertThat(log.end()).isEqualTo(3);
      log.append(events("second", 2)).join();
    }
    try (FileEventLog log = FileEventLog.open(dir)) {
      assertThat(log.end()).isEqualTo(5);
      assertThat(log.read(0, 10))
          .extracting(EventLog.LogEntry::position)
          .containsExactly(0L, 1L, 2L, 3L, 4L);
      assertThat(ids(log.read(2, 2))).containsExactly("first2", "second0");
    }
  }

  @Test
  void readsEveryRangeAcrossSegmentBoundariesBeforeAndAfterReopen() {
    EventLogOptions small = EventLogOptions.defaults().withSegmentBytes(1024);
    List<String> expected = new ArrayList<>();
    try (FileEventLog log = FileEventLog.open(dir, small)) {
      for (int batch = 0; batch < 40; batch++) {
        List<Event> events = events("b" + batch + "-", 1 + batch % 4);
        log.append(events).join();
        events.forEach(e -> expected.add(e.messageId()));
      }
      assertEveryRangeReads(log, expected);
    }
    assertThat(segmentFiles()).hasSizeGreaterThan(5);
    try (FileEventLog log = FileEventLog.open(dir, small)) {
      assertEveryRangeReads(log, expected);
    }
  }

  private static void assertEveryRangeReads(FileEventLog log, List<String> expected) {
    int n = expected.size();
    for (int from = 0; from <= n + 1; from++) {
      for (int max : new int[] {0, 1, 3, 17, n}) {
        int to = Math.min(n, from + max);
        List<String> want = from >= n ? List.of() : expected.subList(from, to);
        assertThat(ids(log.read(from, max))).as("read(%d, %d)", from, max).isEqualTo(want);
      }
    }
  }

  @Test
  void startsANewSegmentNamedByItsFirstPosition() throws Exception {
    try (FileEventLog log =
        FileEventLog.open(dir, EventLogOptions.defaults().withSegmentBytes(1024))) {
      for (int i = 0; i < 10; i++) {
        log.append(events("s" + i + "-", 3)).join();
      }
    }
    List<String> names = segmentFiles().stream().map(p -> p.getFileName().toString()).toList();
    assertThat(names).first().isEqualTo("00000000000000000000.seg");
    assertThat(names).allMatch(n -> n.matches("\\d{20}\\.seg"));
    assertThat(names.stream().mapToLong(n -> Long.parseLong(n.substring(0, 20))))
        .isSorted()
        .allMatch(base -> base % 3 == 0);
  }

  @Test
  void rejectsANullOrEmptyAppendWithAClearMessage() {
    try (FileEventLog log = FileEventLog.open(dir)) {
      assertThatThrownBy(() -> log.append(null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("append needs at least one event, got null");
      assertThatThrownBy(() -> log.append(List.of()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("append needs at least one event, got an empty list");
      assertThatThrownBy(() -> log.append(Arrays.asList(event("x"), null)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("append got null as event 1 of the list");
      assertThat(log.end()).isZero();
    }
  }

  @Test
  void rejectsNegativeReadArguments() {
    try (FileEventLog log = FileEventLog.open(dir)) {
      assertThatThrownBy(() -> log.read(-1, 5))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("from=-1");
      assertThatThrownBy(() -> log.read(0, -5))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("max=-5");
    }
  }

  @Test
  void failsAppendsAfterCloseAndCanBeClosedTwice() {
    FileEventLog log = FileEventLog.open(dir);
    log.close();
    log.close();
    assertThatThrownBy(() -> log.append(List.of(event("late"))).join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is closed");
  }

  @Test
  void refusesASecondOpenOfTheSameDirectory() {
    try (FileEventLog log = FileEventLog.open(dir)) {
      assertThatThrownBy(() -> FileEventLog.open(dir))
          .isInstanceOf(EventLogException.class)
          .hasMessageContaining("already open");
      assertThat(log.append(List.of(event("still-works"))).join().accepted()).isEqualTo(1);
    }
  }

  @Test
  void aFailedWriteFailsItsFutureAndEveryLaterAppendUntilReopened() {
    FailingClock clock = new FailingClock();
    try (FileEventLog log = FileEventLog.open(dir, EventLogOptions.defaults().withClock(clock))) {
      log.append(List.of(event("before"))).join();
      clock.failInWriter = true;

      assertThatThrownBy(() -> log.append(List.of(event("during"))).join())
          .hasCauseInstanceOf(EventLogException.class)
          .hasMessageContaining("refuses appends until it is reopened");
      clock.failInWriter = false;
      assertThatThrownBy(() -> log.append(List.of(event("after"))).join())
          .hasCauseInstanceOf(EventLogException.class);
      assertThat(ids(log.read(0, 10))).containsExactly("before");
    }
    try (FileEventLog log = FileEventLog.open(dir)) {
      assertThat(log.append(List.of(event("after"))).join()).isEqualTo(new AppendResult(1, 0));
      assertThat(ids(log.read(0, 10))).containsExactly("before", "after");
    }
  }

  @Test
  void anInterruptedReaderFailsAloneAndTheLogKeepsWorking() {
    try (FileEventLog log = FileEventLog.open(dir)) {
      log.append(events("i", 3)).join();

      Thread.currentThread().interrupt();
      try {
        assertThatThrownBy(() -> log.read(0, 3)).isInstanceOf(EventLogException.class);
      } finally {
        Thread.interrupted();
      }
      assertThat(ids(log.read(0, 3))).containsExactly("i0", "i1", "i2");
      assertThat(log.append(List.of(event("after"))).join().accepted()).isEqualTo(1);
    }
  }

  private List<Path> segmentFiles() {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".seg")).sorted().toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A clock that breaks inside the writer thread: stands in for a disk that fails mid-commit. */
  private static final class FailingClock extends Clock {
    volatile boolean failInWriter;

    @Override
    public Instant instant() {
      if (failInWriter && Thread.currentThread().getName().equals("event-log-writer")) {
        throw new IllegalStateException("simulated failure in the writer");
      }
      return Instant.parse("2026-11-20T10:00:00Z");
    }

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
