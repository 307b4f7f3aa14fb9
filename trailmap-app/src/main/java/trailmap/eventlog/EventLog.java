package trailmap.eventlog;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import trailmap.events.Event;

/**
 * The durable, ordered log of accepted events.
 *
 * <p>Contract: {@link #append} completes only after the events are on disk (concurrent appends
 * share one fsync: group commit), so an acknowledged event survives a kill -9. An event whose
 * {@code messageId} was already appended within the dedup window is not appended again and is
 * counted as a duplicate, also across restarts. Positions are dense, start at 0 and never change;
 * events of one append keep their order. An {@linkplain #erase erased} event keeps its position but
 * is no longer read: reads skip it, so followers continue from {@link Page#next()}. Thread-safe.
 */
public interface EventLog extends AutoCloseable {

  /** Appends the events; the future fails with an unchecked exception if they are not durable. */
  CompletableFuture<AppendResult> append(List<Event> events);

  /**
   * At most {@code max} entries from position {@code from} on (inclusive), in log order; erased
   * positions are skipped, so positions may have gaps.
   */
  List<LogEntry> read(long from, int max);

  /**
   * As {@link #read}, with the position a follower continues from: past the last entry, and past
   * any erased positions read over, so a follower never stalls on a run of erased events.
   */
  default Page readPage(long from, int max) {
    List<LogEntry> entries = read(from, max);
    return new Page(entries, entries.isEmpty() ? from : entries.getLast().position() + 1);
  }

  /**
   * Erases the events at these positions durably (personal-data erasure): afterwards no read
   * returns them and their bytes are gone from the log's files; their positions stay taken, and
   * their messageIds still count as duplicates within the dedup window. Erasing a position again is
   * a no-op. The future completes with how many events were erased now.
   *
   * @throws IllegalArgumentException (in the future) for a position at or past {@link #end()}
   */
  default CompletableFuture<Long> erase(Set<Long> positions) {
    return CompletableFuture.failedFuture(
        new UnsupportedOperationException(getClass().getSimpleName() + " cannot erase events"));
  }

  /** The position the next appended event will get: the number of positions ever taken. */
  long end();

  @Override
  void close();

  /** What one append did. */
  record AppendResult(int accepted, int duplicates) {}

  /** An event at its log position. */
  record LogEntry(long position, Event event) {}

  /**
   * What one read found: the entries, and {@code next}, the position to read from next; every
   * position before {@code next} not among the entries was erased.
   */
  record Page(List<LogEntry> entries, long next) {}
}
