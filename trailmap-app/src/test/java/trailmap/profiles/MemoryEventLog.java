package trailmap.profiles;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import trailmap.eventlog.EventLog;
import trailmap.events.Event;

/**
 * An {@link EventLog} in memory, for tests only, until the file-based log lands: dense positions
 * from 0, messageId dedup, thread-safe.
 */
final class MemoryEventLog implements EventLog {
  private final List<Event> events = new ArrayList<>();
  private final Set<String> seen = new HashSet<>();
  private final ReentrantLock lock = new ReentrantLock();

  @Override
  public CompletableFuture<AppendResult> append(List<Event> batch) {
    lock.lock();
    try {
      int accepted = 0;
      for (Event e : batch) {
        if (seen.add(e.messageId())) {
          events.add(e);
          accepted++;
        }
      }
      return CompletableFuture.completedFuture(new AppendResult(accepted, batch.size() - accepted));
    } finally {
      lock.unlock();
    }
  }

  /** Appends and waits. */
  MemoryEventLog add(Event... batch) {
    append(List.of(batch)).join();
    return this;
  }

  @Override
  public List<LogEntry> read(long from, int max) {
    lock.lock();
    try {
      List<LogEntry> out = new ArrayList<>();
      for (long p = from; p < events.size() && out.size() < max; p++) {
        out.add(new LogEntry(p, events.get((int) p)));
      }
      return out;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public long end() {
    lock.lock();
    try {
      return events.size();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {}
}
