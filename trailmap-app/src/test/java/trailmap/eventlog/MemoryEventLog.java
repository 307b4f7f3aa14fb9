package trailmap.eventlog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import trailmap.events.Event;

/**
 * The {@link EventLog} contract in memory, for tests that need to make the log misbehave: dense
 * positions, append order kept, duplicates by messageId counted and not appended. Faults on demand:
 * {@link #failing} and {@link #failNext} fail appends as a full disk would; an event with a {@code
 * tooLargeForTheLog} property is refused with an IllegalArgumentException; appends after {@link
 * #close} fail until {@link #reopened}. Erasure marks positions as erased. Tests of the real
 * durability use {@link FileEventLog}. Thread-safe.
 */
public final class MemoryEventLog implements EventLog {
  private final List<Event> events = new ArrayList<>();
  private final Set<String> ids = new HashSet<>();
  private final Set<Long> erased = new HashSet<>();
  private boolean closed;
  private boolean failing;
  private int failuresLeft;
  private int appends;

  /** While true, every append fails. */
  public synchronized void failing(boolean fail) {
    failing = fail;
  }

  /** The next {@code n} appends fail, then appends work again. */
  public synchronized void failNext(int n) {
    failuresLeft = n;
  }

  /** How many appends were accepted (not failed). */
  public synchronized int appends() {
    return appends;
  }

  @Override
  public synchronized CompletableFuture<AppendResult> append(List<Event> batch) {
    if (closed) {
      return CompletableFuture.failedFuture(new IllegalStateException("the log is closed"));
    }
    if (failing) {
      return CompletableFuture.failedFuture(new IllegalStateException("disk full"));
    }
    if (failuresLeft > 0) {
      failuresLeft--;
      return CompletableFuture.failedFuture(new IllegalStateException("disk full"));
    }
    for (Event e : batch) {
      if (e.properties().fields().containsKey("tooLargeForTheLog")) {
        throw new IllegalArgumentException("event " + e.messageId() + " is too large to store");
      }
    }
    appends++;
    int accepted = 0;
    for (Event e : batch) {
      if (ids.add(e.messageId())) {
        events.add(e);
        accepted++;
      }
    }
    return CompletableFuture.completedFuture(new AppendResult(accepted, batch.size() - accepted));
  }

  /** Appends and waits. */
  public MemoryEventLog add(Event... batch) {
    append(List.of(batch)).join();
    return this;
  }

  @Override
  public synchronized List<LogEntry> read(long from, int max) {
    List<LogEntry> out = new ArrayList<>();
    for (long p = from; p < events.size() && out.size() < max; p++) {
      if (!erased.contains(p)) {
        out.add(new LogEntry(p, events.get((int) p)));
      }
    }
    return out;
  }

  @Override
  public synchronized Page readPage(long from, int max) {
    List<LogEntry> out = read(from, max);
    long next =
        !out.isEmpty() && out.size() == max
            ? out.getLast().position() + 1
            : Math.max(from, events.size());
    return new Page(out, next);
  }

  /** Erased positions stay taken and are skipped by reads; their messageIds stay duplicates. */
  @Override
  public synchronized CompletableFuture<Long> erase(Set<Long> positions) {
    for (long p : positions) {
      if (p < 0 || p >= events.size()) {
        return CompletableFuture.failedFuture(
            new IllegalArgumentException("cannot erase position " + p));
      }
    }
    long count = positions.stream().filter(erased::add).count();
    return CompletableFuture.completedFuture(count);
  }

  /** Whether the event at {@code position} was erased. */
  public synchronized boolean isErased(long position) {
    return erased.contains(position);
  }

  @Override
  public synchronized long end() {
    return events.size();
  }

  /** Every event in log order. */
  public synchronized List<Event> events() {
    return List.copyOf(events);
  }

  /** Whether it was closed. */
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
