package trailmap.eventlog;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Reads committed frames by position: finds the segment holding the first position, jumps to the
 * nearest sparse-index entry at or before it, and reads on, crossing into later segments.
 */
final class LogReader {
  private LogReader() {}

  static List<EventLog.LogEntry> read(
      ConcurrentSkipListMap<Long, Segment> segments, long from, int max, long committedEnd)
      throws IOException {
    long limit = Math.min(committedEnd, from + max);
    List<EventLog.LogEntry> entries = new ArrayList<>((int) Math.min(4096, limit - from));
    Map.Entry<Long, Segment> current = segments.floorEntry(from);
    long position = from;
    while (position < limit && current != null) {
      Segment segment = current.getValue();
      Map.Entry<Long, Segment> next = segments.higherEntry(segment.base);
      long segmentEnd = next == null ? limit : Math.min(limit, next.getKey());
      Map.Entry<Long, Long> start = segment.floor(position, segment.frames);
      try (FileChannel channel = segment.openForRead()) {
        FrameCursor cursor = new FrameCursor(channel, start.getValue());
        for (long p = start.getKey(); p < segmentEnd; p++) {
          if (cursor.next() != FrameCursor.Step.FRAME) {
            throw segment.corrupt(cursor.frameOffset(), "frame " + p + " is missing or corrupt");
          }
          if (p >= position) {
            entries.add(new EventLog.LogEntry(p, cursor.event()));
          }
        }
      }
      position = Math.max(position, segmentEnd);
      current = next;
    }
    return List.copyOf(entries);
  }
}
