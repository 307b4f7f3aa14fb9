package trailmap.analytics.funnel;

/**
 * One step of a funnel.
 *
 * @param name how the step is shown in the answer, e.g. {@code Signed Up} or {@code
 *     touchpoint:trial}; not blank
 * @param matcher which events satisfy the step
 */
public record FunnelStep(String name, StepMatcher matcher) {

  public FunnelStep {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a funnel step needs a display name, was blank");
    }
    if (matcher == null) {
      throw new IllegalArgumentException("funnel step '" + name + "' needs a matcher");
    }
  }

  /** A step satisfied by events with this name. */
  public static FunnelStep event(String eventName) {
    return new FunnelStep(eventName, EventMatcher.named(eventName));
  }
}
