package trailmap.analytics.conformance;

import java.util.Set;

/**
 * What a conformance check looks at.
 *
 * @param fromMicros events before this time (µs since the epoch, inclusive bound) are left out
 * @param toMicros events at or after this time (exclusive bound) are left out
 * @param touchpointOrder whether moving back to an earlier touchpoint of the same stage deviates
 *     (off by default: customers visit a stage's touchpoints in any order)
 * @param ignoredEvents event names that are not journey steps unless they match a touchpoint
 */
public record ConformanceRules(
    long fromMicros, long toMicros, boolean touchpointOrder, Set<String> ignoredEvents) {
  public static final ConformanceRules DEFAULT =
      new ConformanceRules(Long.MIN_VALUE, Long.MAX_VALUE, false, Set.of());

  public ConformanceRules {
    if (fromMicros >= toMicros) {
      throw new IllegalArgumentException(
          "the time range is empty: from %d µs is not before to %d µs"
              .formatted(fromMicros, toMicros));
    }
    ignoredEvents = Set.copyOf(ignoredEvents);
  }
}
