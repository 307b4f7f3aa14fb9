package trailmap.eventlog;

import java.time.Clock;
import java.time.Duration;

/**
 * How a {@link FileEventLog} behaves. Start from {@link #defaults()} and change what you need:
 *
 * <pre>{@code
 * FileEventLog.open(dir, EventLogOptions.defaults().withDedupWindow(Duration.ofDays(14)));
 * }</pre>
 *
 * @param dedupWindow how long a messageId is remembered after it was appended: an event with the
 *     same messageId appended again within this window is counted as a duplicate and not stored.
 *     Ids are kept in day buckets, so an id is remembered at least this long and at most one day
 *     longer. Must be at least one minute. Default 7 days.
 * @param segmentBytes the size at which the log starts a new segment file, between 1 KiB and 1 GiB
 *     inclusive; a segment may exceed it by the last batch written into it. Default 64 MiB.
 * @param clock the time used to stamp appends and to expire the dedup window
 */
public record EventLogOptions(Duration dedupWindow, long segmentBytes, Clock clock) {
  /** The default dedup window: a client retry or a re-import within a week is recognised. */
  public static final Duration DEFAULT_DEDUP_WINDOW = Duration.ofDays(7);

  /** The default segment size. */
  public static final long DEFAULT_SEGMENT_BYTES = 64L << 20;

  public EventLogOptions {
    if (dedupWindow == null || dedupWindow.compareTo(Duration.ofMinutes(1)) < 0) {
      throw new IllegalArgumentException(
          "the event log's dedup window must be at least 1 minute, was " + dedupWindow);
    }
    if (segmentBytes < 1024 || segmentBytes > (1L << 30)) {
      throw new IllegalArgumentException(
          "the event log's segment size must be between 1024 and 1073741824 bytes, was "
              + segmentBytes);
    }
    if (clock == null) {
      throw new IllegalArgumentException("the event log needs a clock");
    }
  }

  /** 7 days of dedup window, 64 MiB segments, the system clock in UTC. */
  public static EventLogOptions defaults() {
    return new EventLogOptions(DEFAULT_DEDUP_WINDOW, DEFAULT_SEGMENT_BYTES, Clock.systemUTC());
  }

  public EventLogOptions withDedupWindow(Duration window) {
    return new EventLogOptions(window, segmentBytes, clock);
  }

  public EventLogOptions withSegmentBytes(long bytes) {
    return new EventLogOptions(dedupWindow, bytes, clock);
  }

  public EventLogOptions withClock(Clock newClock) {
    return new EventLogOptions(dedupWindow, segmentBytes, newClock);
  }
}
