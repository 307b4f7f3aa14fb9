package trailmap.analytics.live;

import java.util.Optional;
import trailmap.analytics.conversion.ConversionFound;
import trailmap.analytics.stats.Interval;

/**
 * Where the profiles that reached a touchpoint (or stage) went next: the share that went on to any
 * later touchpoint of the map (for a stage: any touchpoint of a later stage) at any time after, the
 * share that did not, and the median time to get there.
 *
 * @param towards the touchpoint or stage id gone on to; empty means any later one
 * @param conversion the share going on, Agresti–Coull interval, n = profiles reaching
 * @param dropOff 1 − conversion, same interval method and n
 * @param medianSeconds from the earliest visit that goes on to the first later arrival;
 *     order-statistics interval, n = profiles that went on
 */
public record Onwards(
    Optional<String> towards, Interval conversion, Interval dropOff, Interval medianSeconds) {
  public Onwards {
    towards = towards == null ? Optional.empty() : towards;
  }

  static Onwards of(Optional<String> towards, ConversionFound found) {
    return new Onwards(towards, found.conversion(), found.dropOff(), found.medianSeconds());
  }
}
