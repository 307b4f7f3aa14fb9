package trailmap.eventlog;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * The messageIds appended within the dedup window, as 128-bit hashes in one set per UTC day of
 * append time. Expiring drops whole days, so an id is remembered at least the window and at most
 * one day longer. Memory: 32 to 64 bytes per id in the window. Not thread-safe: owned by the writer
 * (and by recovery before the writer starts).
 */
final class DedupIndex {
  private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

  private final long windowMillis;
  private final TreeMap<Long, HashPairSet> days = new TreeMap<>();
  private long oldestDay = Long.MIN_VALUE;

  DedupIndex(Duration window) {
    this.windowMillis = window.toMillis();
  }

  /** The earliest append time (epoch millis) still inside the window at {@code nowMillis}. */
  long cutoff(long nowMillis) {
    return nowMillis - windowMillis;
  }

  /** Forgets the days that lie wholly before the window at {@code nowMillis}. */
  void expire(long nowMillis) {
    oldestDay = Math.floorDiv(cutoff(nowMillis), DAY_MILLIS);
    days.headMap(oldestDay).clear();
  }

  /**
   * Records the id as appended at {@code appendedAtMillis}; false, and nothing recorded, if it is
   * already remembered (a duplicate).
   */
  boolean addIfAbsent(MessageIdHash id, long appendedAtMillis) {
    for (HashPairSet day : days.values()) {
      if (day.contains(id)) {
        return false;
      }
    }
    long day = Math.max(oldestDay, Math.floorDiv(appendedAtMillis, DAY_MILLIS));
    days.computeIfAbsent(day, d -> new HashPairSet()).add(id);
    return true;
  }

  /** How many ids are remembered. */
  long size() {
    long n = 0;
    for (Map.Entry<Long, HashPairSet> e : days.entrySet()) {
      n += e.getValue().size();
    }
    return n;
  }
}
