package trailmap.eventlog;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a log directory's segments: truncates a torn tail of the last segment (it was never
 * acknowledged, since acknowledgement follows the fsync of every byte before it), and rebuilds the
 * dedup set from the segments that hold the window, newest first, stopping at the first segment
 * whose newest frame is older than the window. Older segments are indexed lazily on first read.
 */
final class LogRecovery {
  private static final Logger LOG = LoggerFactory.getLogger(LogRecovery.class);

  /** The opened state the writer and readers start from. */
  record Recovered(
      ConcurrentSkipListMap<Long, Segment> segments, Segment active, long end, DedupIndex dedup) {}

  private LogRecovery() {}

  static Recovered recover(Path dir, EventLogOptions options) throws IOException {
    List<Long> bases = segmentBases(dir);
    ConcurrentSkipListMap<Long, Segment> segments = new ConcurrentSkipListMap<>();
    if (bases.isEmpty()) {
      bases = List.of(0L);
    }
    long lastBase = bases.getLast();
    for (int i = 0; i < bases.size() - 1; i++) {
      Segment s = Segment.existing(dir, bases.get(i));
      s.frames = bases.get(i + 1) - s.base;
      segments.put(s.base, s);
    }
    Segment active = Segment.writable(dir, lastBase);
    try {
      segments.put(lastBase, active);
      syncDirectory(dir);

      long now = options.clock().millis();
      DedupIndex dedup = new DedupIndex(options.dedupWindow());
      dedup.expire(now);
      long cutoff = dedup.cutoff(now);
      long newest = recoverTail(active, dedup, cutoff);
      for (Segment s : segments.headMap(lastBase).descendingMap().values()) {
        if (newest != Long.MIN_VALUE && newest < cutoff) {
          break; // empty segments (a roll just before a crash) tell nothing; look further back
        }
        newest = scanClosed(s, dedup, cutoff);
      }
      return new Recovered(segments, active, active.base + active.frames, dedup);
    } catch (IOException | RuntimeException e) {
      active.close();
      throw e;
    }
  }

  private static List<Long> segmentBases(Path dir) throws IOException {
    List<Long> bases = new ArrayList<>();
    List<Path> unfinished = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.forEach(
          f -> {
            String name = f.getFileName().toString();
            Segment.baseOf(name).ifPresent(bases::add);
            if (name.endsWith(SegmentRewriter.TEMP_SUFFIX)) {
              unfinished.add(f);
            }
          });
    }
    for (Path f : unfinished) {
      // An erasure stopped before its rename: the segment itself is whole and still holds the
      // events; the erasure's caller never got an answer and erases them again.
      LOG.warn("event log: removing {}, an erasure interrupted before it was renamed", f);
      Files.delete(f);
    }
    if (!unfinished.isEmpty()) {
      syncDirectory(dir);
    }
    bases.sort(null);
    return bases;
  }

  /** Scans the last segment, truncating a torn tail; the newest append time in it. */
  private static long recoverTail(Segment active, DedupIndex dedup, long cutoff)
      throws IOException {
    FileChannel channel = active.writeChannel();
    FrameCursor cursor = new FrameCursor(channel, 0);
    long frames = 0;
    long newest = Long.MIN_VALUE;
    FrameCursor.Step step;
    while ((step = cursor.next()) == FrameCursor.Step.FRAME) {
      active.noteFrame(active.base + frames, cursor.frameOffset());
      newest = Math.max(newest, remember(cursor, dedup, cutoff));
      frames++;
    }
    long validEnd = cursor.frameOffset();
    if (step == FrameCursor.Step.TORN) {
      long size = channel.size();
      LOG.warn(
          "event log: dropping {} bytes of an unacknowledged torn write at the end of {}",
          size - validEnd,
          active.path);
      channel.truncate(validEnd);
      channel.force(true);
    }
    active.bytes = validEnd;
    active.frames = frames;
    active.markIndexed();
    return newest;
  }

  /** Scans a full segment, checking its frame count; the newest append time in it. */
  private static long scanClosed(Segment s, DedupIndex dedup, long cutoff) throws IOException {
    try (FileChannel channel = s.openForRead()) {
      FrameCursor cursor = new FrameCursor(channel, 0);
      long newest = Long.MIN_VALUE;
      for (long i = 0; i < s.frames; i++) {
        if (cursor.next() != FrameCursor.Step.FRAME) {
          throw s.corrupt(cursor.frameOffset(), "frame " + (s.base + i) + " is missing or corrupt");
        }
        s.noteFrame(s.base + i, cursor.frameOffset());
        newest = Math.max(newest, remember(cursor, dedup, cutoff));
      }
      if (cursor.next() != FrameCursor.Step.END) {
        throw s.corrupt(cursor.frameOffset(), "unexpected bytes after its last frame");
      }
      s.markIndexed();
      return newest;
    }
  }

  private static long remember(FrameCursor cursor, DedupIndex dedup, long cutoff) {
    long appendedAt = cursor.appendedAtMillis();
    if (appendedAt >= cutoff) {
      dedup.addIfAbsent(cursor.messageIdHash(), appendedAt);
    }
    return appendedAt;
  }

  /** Makes a created or removed segment file's directory entry durable. */
  static void syncDirectory(Path dir) {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException e) {
      // Some platforms (Windows) cannot open a directory; there the file's own fsync must do.
    }
  }
}
