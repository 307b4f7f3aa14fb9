package trailmap.analytics.funnel;

import java.util.List;

/**
 * The funnel of the profiles with one breakdown value.
 *
 * @param breakdown the value, {@link Breakdown#NONE_VALUE} or {@link Breakdown#OTHER_VALUE}
 */
public record Series(String breakdown, List<StepResult> steps) {
  public Series {
    steps = List.copyOf(steps);
  }
}
