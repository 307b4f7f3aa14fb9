package trailmap.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import trailmap.demo.DemoJourneys;
import trailmap.demo.DemoTemplate;
import trailmap.eventlog.EventLog;
import trailmap.eventlog.EventLogException;
import trailmap.events.Event;
import trailmap.importer.ImportProgress;

/**
 * Streams demo journeys, profile by profile, into an event log or a JSON Lines file; nothing but
 * one batch is held in memory, so a run of any size needs the same heap.
 *
 * <pre>{@code
 * DemoJourneys journeys = new DemoJourneys(42, DemoJourneys.DEFAULT_END);
 * GenerationSummary s = DemoDataWriter.toLog(log, journeys, 1_000_000, ImportProgress.none());
 * }</pre>
 *
 * <p>Into a log, events go in batches of {@value #BATCH}, each appended while the next is generated
 * (one append in flight), so generating and the log's writing and fsync overlap. Profiles 0 to
 * {@code profiles - 1} are written in order; the log then holds them in that order.
 */
public final class DemoDataWriter {
  /** Events per append to the log. */
  public static final int BATCH = 20_000;

  private DemoDataWriter() {}

  /**
   * Appends the journeys of profiles {@code 0 .. profiles - 1} to {@code log}, returning once all
   * are durable. Events already in the log (the same seed written before) count as duplicates.
   *
   * @param progress updated with profiles done and events so far
   * @throws EventLogException when the log cannot store a batch; earlier batches stay stored
   */
  public static GenerationSummary toLog(
      EventLog log, DemoJourneys journeys, long profiles, ImportProgress progress) {
    Tally tally = new Tally();
    long started = System.nanoTime();
    Batches batches = new Batches(log, tally);
    for (long p = 0; p < profiles; p++) {
      tally.profile(journeys, p);
      journeys.profile(p, batches);
      progress.update(p + 1, tally.events);
    }
    batches.finish();
    return tally.summary(profiles, started);
  }

  /**
   * Writes the journeys of profiles {@code 0 .. profiles - 1} to {@code out} as JSON Lines of
   * Segment calls; does not close {@code out}.
   */
  public static GenerationSummary toJsonLines(
      OutputStream out, DemoJourneys journeys, long profiles, ImportProgress progress)
      throws IOException {
    Tally tally = new Tally();
    long started = System.nanoTime();
    SegmentCallWriter writer = new SegmentCallWriter(out);
    IOException[] failure = {null};
    Consumer<Event> write =
        e -> {
          tally.event(e);
          if (failure[0] == null) {
            try {
              writer.write(e);
            } catch (IOException ex) {
              failure[0] = ex;
            }
          }
        };
    for (long p = 0; p < profiles && failure[0] == null; p++) {
      tally.profile(journeys, p);
      journeys.profile(p, write);
      progress.update(p + 1, tally.events);
    }
    writer.close();
    if (failure[0] != null) {
      throw failure[0];
    }
    return tally.summary(profiles, started);
  }

  /** Fills batches and appends each while the next fills: one append in flight. */
  private static final class Batches implements Consumer<Event> {
    private final EventLog log;
    private final Tally tally;
    private List<Event> batch = new ArrayList<>(BATCH + 64);
    private CompletableFuture<EventLog.AppendResult> inFlight =
        CompletableFuture.completedFuture(null);

    Batches(EventLog log, Tally tally) {
      this.log = log;
      this.tally = tally;
    }

    @Override
    public void accept(Event e) {
      tally.event(e);
      batch.add(e);
      if (batch.size() >= BATCH) {
        send();
      }
    }

    private void send() {
      tally.add(join(inFlight));
      inFlight = log.append(batch);
      batch = new ArrayList<>(BATCH + 64);
    }

    void finish() {
      if (!batch.isEmpty()) {
        send();
      }
      tally.add(join(inFlight));
    }
  }

  private static EventLog.AppendResult join(CompletableFuture<EventLog.AppendResult> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  /** Counts by template and channel as events pass. */
  private static final class Tally {
    private final Map<String, long[]> channels = new HashMap<>();
    private final long[] templates = new long[DemoTemplate.values().length];
    private long events;
    private long duplicates;

    void profile(DemoJourneys journeys, long p) {
      templates[journeys.templateOf(p).ordinal()]++;
    }

    void event(Event e) {
      events++;
      channels.computeIfAbsent(e.channel(), c -> new long[1])[0]++;
    }

    void add(EventLog.AppendResult result) {
      if (result != null) {
        duplicates += result.duplicates();
      }
    }

    GenerationSummary summary(long profiles, long startedNanos) {
      Map<String, Long> byTemplate = new LinkedHashMap<>();
      for (DemoTemplate t : DemoTemplate.values()) {
        byTemplate.put(t.wireName(), templates[t.ordinal()]);
      }
      Map<String, Long> byChannel = new HashMap<>();
      channels.forEach((c, n) -> byChannel.put(c, n[0]));
      return new GenerationSummary(
          profiles,
          events,
          duplicates,
          Duration.ofNanos(System.nanoTime() - startedNanos),
          byTemplate,
          byChannel);
    }
  }
}
