package trailmap.analytics.discover;

/**
 * One edge of the directly-follows graph: how often a step at {@code from} was directly followed by
 * a step at {@code to}, and how long it took, from the last event of the {@code from} step to the
 * first event of the {@code to} step.
 *
 * @param count successions, not profiles: a profile that goes from A to B twice counts 2
 * @param durations one per succession
 */
public record FollowsEdge(String from, String to, long count, Durations durations) {
  public FollowsEdge {
    if (count < 1 || durations.size() != count) {
      throw new IllegalArgumentException(
          "edge %s -> %s counts %d successions with %d durations; both must be equal and positive"
              .formatted(from, to, count, durations.size()));
    }
  }

  public double medianSeconds() {
    return durations.medianSeconds();
  }

  public double p90Seconds() {
    return durations.p90Seconds();
  }
}
