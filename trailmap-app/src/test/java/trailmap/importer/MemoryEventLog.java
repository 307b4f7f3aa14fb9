package trailmap.importer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import trailmap.eventlog.EventLog;
import trailmap.events.Event;

/**
 * The {@link EventLog} contract in memory, for tests until the file log is on main: dense
 * positions, append order kept, duplicates by messageId counted and not appended, and (standing in
 * for an event over the file log's size limit) an event with a {@code tooLargeForTheLog} property
 * refused with an IllegalArgumentException.
 */
public final class MemoryEventLog implements EventLog {
  private final List<Event> events = new ArrayList<>();
  private final Set<String> ids = new HashSet<>();
  private boolean closed;

  @Override
  public synchronized CompletableFuture<AppendResult> append(List<Event> batch) {
    if (closed) {
      return CompletableFuture.failedFuture(new IllegalStateException("the log is closed"));
    }
    for (Event e : batch) {
      if (e.properties().fields().containsKey("tooLargeForTheLog")) {
        throw new IllegalArgumentException("event " + e.messageId() + " is too large to store");
      }
    }
    int accepted = 0;
    for (Event e : batch) {
      if (ids.add(e.messageId())) {
        events.add(e);
        accepted++;
      }
    }
    return CompletableFuture.completedFuture(new AppendResult(accepted, batch.size() - accepted));
  }

  @Override
  public synchronized List<LogEntry> read(long from, int max) {
    List<LogEntry> out = new ArrayList<>();
    for (long p = from; p < events.size() && out.size() < max; p++) {
      out.add(new LogEntry(p, events.get((int) p)));
    }
    return out;
  }

  @Override
  public synchronized long end() {
    return events.size();
  }

  /** Every event in log order. */
  public synchronized List<Event> events() {
    return List.copyOf(events);
  }

  /** Whether the runner closed it. */
  public synchronized boolean closed() {
    return closed;
  }

  /** Opens it again after a close, keeping its events (a restarted server on the same data). */
  public synchronized MemoryEventLog reopened() {
    closed = false;
    return this;
  }

  @Override
  public synchronized void close() {
    closed = true;
  }
}
