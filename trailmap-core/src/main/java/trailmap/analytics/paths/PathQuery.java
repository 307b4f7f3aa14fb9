package trailmap.analytics.paths;

import java.util.Optional;

/**
 * Which paths to count.
 *
 * @param start the node name paths begin at; empty: each profile's first step
 * @param end the node name paths must reach; empty: paths run for {@code steps} steps
 * @param steps K, the most steps a path has, from 1 to {@link #MAX_STEPS}
 */
public record PathQuery(Optional<String> start, Optional<String> end, int steps) {
  public static final int DEFAULT_STEPS = 5;
  public static final int MAX_STEPS = 20;

  public PathQuery {
    start = start == null ? Optional.empty() : start;
    end = end == null ? Optional.empty() : end;
    if (steps < 1 || steps > MAX_STEPS) {
      throw new IllegalArgumentException(
          "steps must be between 1 and %d, was %d".formatted(MAX_STEPS, steps));
    }
  }
}
