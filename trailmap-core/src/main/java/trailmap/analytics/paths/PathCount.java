package trailmap.analytics.paths;

import java.util.List;

/** One distinct path and how many profiles took it. */
public record PathCount(List<String> steps, long count) {
  public PathCount {
    steps = List.copyOf(steps);
    if (steps.isEmpty() || count < 1) {
      throw new IllegalArgumentException(
          "a path has at least one step and one profile, was %s x %d".formatted(steps, count));
    }
  }
}
