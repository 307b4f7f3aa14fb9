package trailmap.generate;

import java.time.Duration;
import java.util.Map;

/**
 * What one generation wrote.
 *
 * @param profiles profiles generated
 * @param events events generated
 * @param duplicates events the event log already held (a second run with the same seed); 0 for a
 *     file
 * @param took the wall time of the whole run
 * @param byTemplate profiles per template name ({@code saas}, {@code retail}, {@code bank})
 * @param byChannel events per channel
 */
public record GenerationSummary(
    long profiles,
    long events,
    long duplicates,
    Duration took,
    Map<String, Long> byTemplate,
    Map<String, Long> byChannel) {

  public GenerationSummary {
    byTemplate = Map.copyOf(byTemplate);
    byChannel = Map.copyOf(byChannel);
  }

  /** Events stored (or written): all but the duplicates. */
  public long stored() {
    return events - duplicates;
  }

  /** Events per second of wall time. */
  public double eventsPerSecond() {
    double seconds = Math.max(took.toNanos(), 1) / 1e9;
    return events / seconds;
  }
}
