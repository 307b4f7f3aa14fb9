package trailmap.analytics.paths;

/**
 * Profiles whose path goes from {@code from} at step {@code step} to {@code to} at step {@code step
 * + 1}; steps count from 0, the path's first step.
 */
public record SankeyEdge(int step, String from, String to, long count) {
  public SankeyEdge {
    if (step < 0 || count < 1) {
      throw new IllegalArgumentException(
          "a Sankey edge has a step from 0 and a positive count, was step %d count %d"
              .formatted(step, count));
    }
  }
}
