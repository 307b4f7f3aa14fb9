package trailmap.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import trailmap.eventlog.EventLog;
import trailmap.events.Event;

/**
 * An event log in memory with the contract's dedup by messageId, for ingestion tests until the
 * durable log is on main. {@link #failing} makes appends fail, as a full disk would.
 */
final class MemoryEventLog implements EventLog {
  private final ReentrantLock lock = new ReentrantLock();
  private final List<Event> events = new ArrayList<>();
  private final Set<String> seen = new HashSet<>();
  private final AtomicBoolean failing = new AtomicBoolean();
  private final java.util.concurrent.atomic.AtomicInteger failuresLeft =
      new java.util.concurrent.atomic.AtomicInteger();
  private int appends;

  void failing(boolean fail) {
    failing.set(fail);
  }

  /** The next {@code n} appends fail, then appends work again. */
  void failNext(int n) {
    failuresLeft.set(n);
  }

  int appends() {
    lock.lock();
    try {
      return appends;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public CompletableFuture<AppendResult> append(List<Event> batch) {
    if (failing.get() || failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      return CompletableFuture.failedFuture(new IllegalStateException("disk full"));
    }
    lock.lock();
    try {
      appends++;
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
