package trailmap.ingest;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import trailmap.eventlog.EventLog;
import trailmap.events.Event;

/**
 * An event log that stores nothing: every append fails, so {@code /v1} answers 503 and clients keep
 * their events and retry. For a server started without a log, until the durable log is wired in; it
 * never acknowledges an event it did not store.
 */
public final class UnavailableEventLog implements EventLog {
  @Override
  public CompletableFuture<AppendResult> append(List<Event> events) {
    return CompletableFuture.failedFuture(
        new IllegalStateException("this server has no event log to store events in"));
  }

  @Override
  public List<LogEntry> read(long from, int max) {
    return List.of();
  }

  @Override
  public long end() {
    return 0;
  }

  @Override
  public void close() {}
}
