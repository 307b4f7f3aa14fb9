package trailmap.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import trailmap.eventlog.EventLog;
import trailmap.events.Event;

/**
 * Appends to an {@link EventLog} in batches of {@value #BATCH} events, waiting for each to be
 * durable before the next, so the log holds the events in file order.
 */
final class LogSink implements EventSink {
  static final int BATCH = 5_000;
  private final EventLog log;
  private final List<Event> buffer = new ArrayList<>(BATCH);

  LogSink(EventLog log) {
    this.log = log;
  }

  @Override
  public void add(ReadItem.Parsed item, String file, Tally tally) {
    buffer.add(item.event());
    if (buffer.size() >= BATCH) {
      flush(tally);
    }
  }

  @Override
  public void flush(Tally tally) {
    if (buffer.isEmpty()) {
      return;
    }
    try {
      EventLog.AppendResult result = log.append(List.copyOf(buffer)).join();
      tally.accepted += result.accepted();
      tally.duplicates += result.duplicates();
    } catch (CompletionException e) {
      throw new ImportAbortedException(
          "the event log could not store a batch (" + e.getCause().getMessage() + ")");
    }
    buffer.clear();
  }

  @Override
  public void close() {
    log.close();
  }
}
