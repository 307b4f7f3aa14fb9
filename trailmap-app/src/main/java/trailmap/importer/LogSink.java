package trailmap.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import trailmap.eventlog.EventLog;
import trailmap.events.Event;

/**
 * Appends to an {@link EventLog} in batches of {@value #BATCH} events, waiting for each to be
 * durable before the next, so the log holds the events in file order. If the log refuses a batch as
 * invalid (an event too large to store), the batch is appended event by event and the refused
 * events are rejected with the log's reason.
 */
final class LogSink implements EventSink {
  static final int BATCH = 5_000;

  private record Pending(String file, ReadItem.Parsed item) {}

  private final EventLog log;
  private final List<Pending> buffer = new ArrayList<>(BATCH);

  LogSink(EventLog log) {
    this.log = log;
  }

  @Override
  public void add(ReadItem.Parsed item, String file, Tally tally) {
    buffer.add(new Pending(file, item));
    if (buffer.size() >= BATCH) {
      flush(tally);
    }
  }

  @Override
  public void flush(Tally tally) {
    if (buffer.isEmpty()) {
      return;
    }
    List<Pending> batch = List.copyOf(buffer);
    buffer.clear();
    try {
      append(batch.stream().map(p -> p.item().event()).toList(), tally);
    } catch (IllegalArgumentException invalid) {
      for (Pending p : batch) {
        try {
          append(List.of(p.item().event()), tally);
        } catch (IllegalArgumentException e) {
          tally.reject(p.file(), p.item().line(), "the event log refused it: " + e.getMessage());
        }
      }
    }
  }

  private void append(List<Event> events, Tally tally) {
    try {
      EventLog.AppendResult result = log.append(events).join();
      tally.accepted += result.accepted();
      tally.duplicates += result.duplicates();
    } catch (CompletionException e) {
      throw new ImportAbortedException(
          "the event log could not store a batch (" + e.getCause().getMessage() + ")");
    }
  }

  @Override
  public void close() {
    log.close();
  }
}
