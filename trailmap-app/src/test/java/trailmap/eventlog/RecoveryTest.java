package trailmap.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static trailmap.eventlog.TestEvents.event;
import static trailmap.eventlog.TestEvents.events;
import static trailmap.eventlog.TestEvents.ids;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RecoveryTest {
  @TempDir Path dir;

  /** What a crash may leave after the last acknowledged record. */
  enum Tail {
    HALF_A_RECORD,
    HEADER_ONLY,
    A_FEW_BYTES,
    ZEROS,
    RANDOM_GARBAGE,
    RECORD_WITH_A_FLIPPED_BYTE
  }

  @ParameterizedTest
  @EnumSource(Tail.class)
  void dropsATornTailAndKeepsEveryAcknowledgedEvent(Tail tail) throws IOException {
    try (FileEventLog log = FileEventLog.open(dir)) {
      log.append(events("ok", 20)).join();
    }
    byte[] frame = EncodedRecord.of(event("torn"), 0).frame();
    byte[] bytes =
        switch (tail) {
          case HALF_A_RECORD -> Arrays.copyOf(frame, frame.length / 2);
          case HEADER_ONLY -> Arrays.copyOf(frame, 8);
          case A_FEW_BYTES -> Arrays.copyOf(frame, 3);
          case ZEROS -> new byte[4096];
          case RANDOM_GARBAGE -> randomBytes(777);
          case RECORD_WITH_A_FLIPPED_BYTE -> flipped(frame, frame.length - 5);
        };
    Files.write(lastSegment(), bytes, StandardOpenOption.APPEND);
    long sizeWithTail = Files.size(lastSegment());

    try (FileEventLog log = FileEventLog.open(dir)) {
      assertThat(log.end()).isEqualTo(20);
      assertThat(ids(log.read(0, 100))).isEqualTo(TestEvents.ids(entries("ok", 20)));
      assertThat(Files.size(lastSegment())).isEqualTo(sizeWithTail - bytes.length);

      assertThat(log.append(List.of(event("torn"), event("next"))).join().accepted()).isEqualTo(2);
    }
    try (FileEventLog log = FileEventLog.open(dir)) {
      assertThat(ids(log.read(19, 10))).containsExactly("ok19", "torn", "next");
    }
  }

  @Test
  void dropsOnlyTheTornTailOfTheLastOfSeveralSegments() throws IOException {
    EventLogOptions small = EventLogOptions.defaults().withSegmentBytes(1024);
    try (FileEventLog log = FileEventLog.open(dir, small)) {
      for (int i = 0; i < 25; i++) {
        log.append(List.of(event("e" + i))).join();
      }
    }
    Files.write(lastSegment(), randomBytes(100), StandardOpenOption.APPEND);

    try (FileEventLog log = FileEventLog.open(dir, small)) {
      assertThat(log.end()).isEqualTo(25);
      assertThat(ids(log.read(0, 100))).isEqualTo(TestEvents.ids(entries("e", 25)));
    }
  }

  @Test
  void refusesToOpenWhenASegmentBeforeTheLastIsCorrupt() throws IOException {
    EventLogOptions small = EventLogOptions.defaults().withSegmentBytes(1024);
    try (FileEventLog log = FileEventLog.open(dir, small)) {
      for (int i = 0; i < 25; i++) {
        log.append(List.of(event("e" + i))).join();
      }
    }
    Path first = segments().getFirst();
    byte[] bytes = Files.readAllBytes(first);
    Files.write(first, flipped(bytes, 100));

    assertThatThrownBy(() -> FileEventLog.open(dir, small))
        .isInstanceOf(EventLogException.class)
        .hasMessageContaining(first.toString())
        .hasMessageContaining("is corrupt at byte")
        .hasMessageContaining("restore this file from a backup");
  }

  @Test
  void opensALogWhoseLastSegmentIsEmptyAfterARoll() throws IOException {
    EventLogOptions small = EventLogOptions.defaults().withSegmentBytes(1024);
    long end;
    try (FileEventLog log = FileEventLog.open(dir, small)) {
      for (int i = 0; i < 10; i++) {
        log.append(List.of(event("e" + i))).join();
      }
      end = log.end();
    }
    Files.createFile(dir.resolve(Segment.fileName(end)));

    try (FileEventLog log = FileEventLog.open(dir, small)) {
      assertThat(log.append(List.of(event("e3"), event("e10"))).join().duplicates()).isEqualTo(1);
      assertThat(ids(log.read(9, 5))).containsExactly("e9", "e10");
    }
  }

  private static List<EventLog.LogEntry> entries(String prefix, int n) {
    List<EventLog.LogEntry> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new EventLog.LogEntry(i, event(prefix + i)));
    }
    return out;
  }

  private static byte[] flipped(byte[] bytes, int at) {
    byte[] copy = bytes.clone();
    copy[at] ^= 0x5a;
    return copy;
  }

  private static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    new java.util.Random(n).nextBytes(bytes);
    return bytes;
  }

  private Path lastSegment() throws IOException {
    return segments().getLast();
  }

  private List<Path> segments() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".seg")).sorted().toList();
    }
  }
}
