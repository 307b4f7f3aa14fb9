package trailmap.analytics.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What to load and how long to wait for profiles.
 *
 * @param from only events at or after this instant (inclusive); empty for no lower bound
 * @param to only events before this instant (exclusive); empty for no upper bound
 * @param waitForProfiles on a live server, how long to wait for the profile processor to apply
 *     every event the log held when the load began; {@link Duration#ZERO} loads at once and reports
 *     the lag. Ignored offline, where pending events are always applied first.
 */
public record LoadOptions(Optional<Instant> from, Optional<Instant> to, Duration waitForProfiles) {
  public LoadOptions {
    from = from == null ? Optional.empty() : from;
    to = to == null ? Optional.empty() : to;
    if (waitForProfiles == null || waitForProfiles.isNegative()) {
      throw new IllegalArgumentException(
          "waitForProfiles must be zero or more, was " + waitForProfiles);
    }
    if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
      throw new IllegalArgumentException(
          "the time range is empty: from " + from.get() + " is not before to " + to.get());
    }
  }

  /** Every event, waiting up to 10 seconds for profiles to catch up. */
  public static LoadOptions all() {
    return new LoadOptions(Optional.empty(), Optional.empty(), Duration.ofSeconds(10));
  }

  /** Only events in {@code [from, to)}. */
  public LoadOptions between(Instant fromInclusive, Instant toExclusive) {
    return new LoadOptions(Optional.of(fromInclusive), Optional.of(toExclusive), waitForProfiles);
  }

  public LoadOptions waiting(Duration wait) {
    return new LoadOptions(from, to, wait);
  }
}
