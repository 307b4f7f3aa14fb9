package trailmap.eventlog;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import trailmap.events.Event;

/**
 * The durable, ordered log of accepted events.
 *
 * <p>Contract: {@link #append} completes only after the events are on disk (concurrent appends
 * share one fsync: group commit), so an acknowledged event survives a kill -9. An event whose
 * {@code messageId} was already appended within the dedup window is not appended again and is
 * counted as a duplicate, also across restarts. Positions are dense, start at 0 and never change;
 * events of one append keep their order. Thread-safe.
 */
public interface EventLog extends AutoCloseable {

  /** Appends the events; the future fails with an unchecked exception if they are not durable. */
  CompletableFuture<AppendResult> append(List<Event> events);

  /** At most {@code max} entries from position {@code from} on (inclusive), in log order. */
  List<LogEntry> read(long from, int max);

  /** The position the next appended event will get: the number of events in the log. */
  long end();

  @Override
  void close();

  /** What one append did. */
  record AppendResult(int accepted, int duplicates) {}

  /** An event at its log position. */
  record LogEntry(long position, Event event) {}
}
