package trailmap.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.events.Event;
import trailmap.events.JsonValue;
import trailmap.maps.EventType;

/**
 * Erasure rewrites segments so an erased person's bytes leave the files, keeps every other event
 * and every position where it was, survives a restart, and keeps followers moving.
 */
class ErasureTest {
  @TempDir Path dir;

  private final EventLogOptions small = EventLogOptions.defaults().withSegmentBytes(2048);

  /** Ann's and Bob's events interleaved: even positions Ann, odd Bob, across several segments. */
  private List<Event> interleaved(int pairs) {
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < pairs; i++) {
      events.add(person("ann-" + i, "u-ann", "ann@example.com"));
      events.add(person("bob-" + i, "u-bob", "bob@example.com"));
    }
    return events;
  }

  static Event person(String messageId, String userId, String email) {
    Instant at = Instant.parse("2026-11-20T10:00:00Z");
    return new Event(
        messageId,
        EventType.IDENTIFY,
        Optional.empty(),
        Optional.of(userId),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        JsonValue.Obj.EMPTY,
        new JsonValue.Obj(Map.of("email", new JsonValue.Str(email))),
        JsonValue.Obj.EMPTY,
        at,
        at,
        "web",
        "src_test");
  }

  private FileEventLog fill(int pairs) {
    FileEventLog log = FileEventLog.open(dir, small);
    for (Event e : interleaved(pairs)) {
      log.append(List.of(e)).join(); // one append each, so segments roll between them
    }
    return log;
  }

  private static Set<Long> evenPositions(long end) {
    Set<Long> even = new HashSet<>();
    for (long p = 0; p < end; p += 2) {
      even.add(p);
    }
    return even;
  }

  private String allSegmentBytes() throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".seg")).sorted().toList()) {
        all.write(Files.readAllBytes(f));
      }
    }
    return all.toString(StandardCharsets.ISO_8859_1);
  }

  private long segmentCount() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".seg")).count();
    }
  }

  @Test
  void removesTheErasedEventsBytesFromEverySegmentAndKeepsEveryOtherEventAtItsPosition()
      throws IOException {
    try (FileEventLog log = fill(30)) {
      assertThat(segmentCount()).as("the events span several segments").isGreaterThan(3);
      assertThat(allSegmentBytes()).contains("u-ann").contains("ann@example.com");

      assertThat(log.erase(evenPositions(log.end())).join()).isEqualTo(30);

      String bytes = allSegmentBytes();
      assertThat(bytes).doesNotContain("u-ann").doesNotContain("ann@example.com");
      assertThat(bytes).doesNotContain("\"ann-").contains("u-bob").contains("bob@example.com");
      List<EventLog.LogEntry> left = log.read(0, 1000);
      assertThat(left).hasSize(30);
      for (int i = 0; i < 30; i++) {
        assertThat(left.get(i).position()).isEqualTo(2L * i + 1);
        assertThat(left.get(i).event()).isEqualTo(person("bob-" + i, "u-bob", "bob@example.com"));
      }
      assertThat(log.end()).isEqualTo(60);
    }
  }

  @Test
  void aRestartReadsTheRewrittenSegmentsAndAppendsGoOnAtTheNextPosition() throws IOException {
    try (FileEventLog log = fill(20)) {
      log.erase(evenPositions(log.end())).join();
      // The active segment was rewritten too: appends must land in the new file.
      log.append(List.of(person("after", "u-cy", "cy@example.com"))).join();
    }
    try (FileEventLog log = FileEventLog.open(dir, small)) {
      assertThat(log.end()).isEqualTo(41);
      List<EventLog.LogEntry> all = log.read(0, 1000);
      assertThat(all).hasSize(21);
      assertThat(all.getLast().position()).isEqualTo(40);
      assertThat(all.getLast().event().messageId()).isEqualTo("after");
      assertThat(log.append(List.of(person("later", "u-cy", "cy@example.com"))).join().accepted())
          .isEqualTo(1);
      assertThat(log.read(41, 10)).extracting(e -> e.position()).containsExactly(41L);
    }
    assertThat(allSegmentBytes()).doesNotContain("u-ann");
  }

  @Test
  void aReSentMessageIdOfAnErasedEventStaysADuplicateAlsoAfterARestart() {
    try (FileEventLog log = fill(5)) {
      log.erase(Set.of(0L, 2L)).join();
      assertThat(log.append(List.of(person("ann-0", "u-ann", "ann@example.com"))).join())
          .isEqualTo(new EventLog.AppendResult(0, 1));
    }
    try (FileEventLog log = FileEventLog.open(dir, small)) {
      assertThat(log.append(List.of(person("ann-1", "u-ann", "ann@example.com"))).join())
          .isEqualTo(new EventLog.AppendResult(0, 1));
      assertThat(log.end()).isEqualTo(10);
    }
  }

  @Test
  void aFollowerMovesPastErasedPositionsEvenWhenTheyEndTheLog() {
    try (FileEventLog log = fill(10)) {
      Set<Long> tail = Set.of(16L, 17L, 18L, 19L);
      log.erase(tail).join();

      EventLog.Page page = log.readPage(0, 5);
      assertThat(page.entries()).extracting(e -> e.position()).containsExactly(0L, 1L, 2L, 3L, 4L);
      assertThat(page.next()).isEqualTo(5);
      EventLog.Page end = log.readPage(15, 100);
      assertThat(end.entries()).extracting(e -> e.position()).containsExactly(15L);
      assertThat(end.next()).isEqualTo(20);
      EventLog.Page onlyErased = log.readPage(16, 100);
      assertThat(onlyErased.entries()).isEmpty();
      assertThat(onlyErased.next()).isEqualTo(20);
      assertThat(log.readPage(20, 100).next()).isEqualTo(20);
    }
  }

  @Test
  void erasingAgainIsANoOpAndAPositionPastTheEndIsRefused() throws IOException {
    try (FileEventLog log = fill(3)) {
      assertThat(log.erase(Set.of(0L, 2L)).join()).isEqualTo(2);
      String before = allSegmentBytes();
      assertThat(log.erase(Set.of(0L, 2L)).join()).isZero();
      assertThat(allSegmentBytes()).isEqualTo(before);
      assertThat(log.erase(Set.of()).join()).isZero();

      assertThatThrownBy(() -> log.erase(Set.of(1L, 6L)).join())
          .isInstanceOf(CompletionException.class)
          .cause()
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("cannot erase position 6: the log ends at 6");
      assertThatThrownBy(() -> log.erase(Set.of(-1L))).isInstanceOf(IllegalArgumentException.class);
      assertThat(log.read(0, 10)).hasSize(4);
      assertThat(log.append(List.of(person("x", "u-x", "x@example.com"))).join().accepted())
          .as("a refused erasure does not stop the log")
          .isEqualTo(1);
    }
  }

  @Test
  void anErasureInterruptedBeforeItsRenameLeavesTheSegmentWholeAndItsTempFileIsRemoved()
      throws IOException {
    try (FileEventLog log = fill(3)) {
      assertThat(log.end()).isEqualTo(6);
    }
    Path segment;
    try (Stream<Path> files = Files.list(dir)) {
      segment = files.filter(f -> f.toString().endsWith(".seg")).sorted().findFirst().orElseThrow();
    }
    Path temp = dir.resolve(segment.getFileName() + SegmentRewriter.TEMP_SUFFIX);
    byte[] original = Files.readAllBytes(segment);
    Files.write(temp, java.util.Arrays.copyOf(original, original.length / 2));

    try (FileEventLog log = FileEventLog.open(dir, small)) {
      assertThat(Files.exists(temp)).isFalse();
      assertThat(log.read(0, 10)).hasSize(6);
      assertThat(log.erase(Set.of(0L)).join()).isEqualTo(1);
    }
    assertThat(allSegmentBytes()).doesNotContain("\"ann-0\"");
  }

  @Test
  void readersRunningDuringAnErasureSeeEitherTheOldOrTheNewSegmentNeverAMix() throws Exception {
    try (FileEventLog log = fill(40)) {
      AtomicBoolean stop = new AtomicBoolean();
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Thread reader =
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      while (!stop.get()) {
                        List<EventLog.LogEntry> all = log.read(0, 1000);
                        assertThat(all.size()).isBetween(40, 80);
                      }
                    } catch (Throwable t) {
                      failure.set(t);
                    }
                  });
      for (long p = 0; p < 80; p += 2) {
        log.erase(Set.of(p)).join();
        log.append(List.of(person("more-" + p, "u-bob", "bob@example.com"))).join();
      }
      stop.set(true);
      reader.join();
      assertThat(failure.get()).isNull();
      assertThat(log.read(0, 1000)).hasSize(80);
    }
  }
}
