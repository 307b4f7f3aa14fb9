package trailmap.analytics.funnel;

import java.util.Optional;

/**
 * Turns a map reference in a query, {@code touchpoint:ID} or {@code stage:ID}, into a step matcher,
 * using the map the caller chose ({@code --map FILE|ID} or the request's map).
 */
@FunctionalInterface
public interface StepResolver {

  /**
   * The matcher for {@code reference} (e.g. {@code touchpoint:trial}); empty when the map has no
   * such touchpoint or stage.
   */
  Optional<StepMatcher> resolve(String reference);
}
