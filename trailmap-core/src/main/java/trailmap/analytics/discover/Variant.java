package trailmap.analytics.discover;

import java.util.List;

/**
 * A distinct journey: the whole sequence of a profile's merged steps, and how many profiles took
 * exactly it.
 */
public record Variant(List<String> steps, long count) {
  public Variant {
    steps = List.copyOf(steps);
    if (steps.isEmpty() || count < 1) {
      throw new IllegalArgumentException(
          "a variant has at least one step and one profile, was %s x %d".formatted(steps, count));
    }
  }
}
