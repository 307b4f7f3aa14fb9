package trailmap.eventlog;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Reads committed frames by position: finds the segment holding the first position, jumps to the
 * nearest sparse-index entry at or before it, and reads on, crossing into later segments, skipping
 * tombstones (erased events) until it has {@code max} entries or reaches the committed end. The
 * caller holds the log's read lock, so no erasure swaps a segment file during the read.
 */
final class LogReader {
  private LogReader() {}

  static EventLog.Page read(
      ConcurrentSkipListMap<Long, Segment> segments, long from, int max, long committedEnd)
      throws IOException {
    List<EventLog.LogEntry> entries = new ArrayList<>(Math.min(4096, max));
    Map.Entry<Long, Segment> current = segments.floorEntry(from);
    long position = from;
    while (position < committedEnd && current != null && entries.size() < max) {
      Segment segment = current.getValue();
      Map.Entry<Long, Segment> next = segments.higherEntry(segment.base);
      long segmentEnd = next == null ? committedEnd : Math.min(committedEnd, next.getKey());
      Map.Entry<Long, Long> start = segment.floor(position, segment.frames);
      try (FileChannel channel = segment.openForRead()) {
        FrameCursor cursor = new FrameCursor(channel, start.getValue());
        long p = start.getKey();
        for (; p < segmentEnd && entries.size() < max; p++) {
          if (cursor.next() != FrameCursor.Step.FRAME) {
            throw segment.corrupt(cursor.frameOffset(), "frame " + p + " is missing or corrupt");
          }
          if (p >= position && !cursor.isTombstone()) {
            entries.add(new EventLog.LogEntry(p, cursor.event()));
          }
        }
        position = Math.max(position, p);
      }
      current = next;
    }
    return new EventLog.Page(List.copyOf(entries), position);
  }
}
