package trailmap.analytics.funnel;

/**
 * An event that must not happen between two steps of an attempt. Steps are numbered from 0 (the
 * first step), as in the query document; see {@link FunnelEngine} for the exact rule.
 *
 * @param name how the exclusion is shown in warnings
 * @param matcher the excluded events
 * @param fromStep the step after whose event the exclusion starts, 0-based
 * @param toStep the step before whose event it ends, 0-based, greater than {@code fromStep}
 */
public record Exclusion(String name, StepMatcher matcher, int fromStep, int toStep) {

  public Exclusion {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("an exclusion needs a display name, was blank");
    }
    if (matcher == null) {
      throw new IllegalArgumentException("exclusion '" + name + "' needs a matcher");
    }
    if (fromStep < 0) {
      throw new IllegalArgumentException(
          "exclusion '%s': fromStep is %d; steps are numbered from 0".formatted(name, fromStep));
    }
    if (fromStep >= toStep) {
      throw new IllegalArgumentException(
          "exclusion '%s': fromStep (%d) must be less than toStep (%d); it applies between two steps"
              .formatted(name, fromStep, toStep));
    }
  }
}
