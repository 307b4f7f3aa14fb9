package trailmap.analytics.funnel;

import trailmap.analytics.EventTable;

/**
 * Decides whether one event of an {@link EventTable} satisfies a funnel step, an exclusion or the
 * query's event filter. This is the plug-in point for step kinds: event names ({@link
 * EventMatcher}), and touchpoints or stages of a map supplied by the map matching code.
 *
 * <p>Implementations must be pure (the same answer for the same table and event) and cheap: the
 * engine calls them once per event of every profile it scans.
 */
@FunctionalInterface
public interface StepMatcher {

  /** Whether event {@code event} (an index into {@code table}) satisfies this matcher. */
  boolean matches(EventTable table, int event);

  /**
   * This matcher specialised for one table, e.g. with its event name resolved to a dictionary id
   * once instead of per event. The engine calls it once per run; the default returns {@code this}.
   */
  default StepMatcher boundTo(EventTable table) {
    return this;
  }

  /** The matcher that accepts every event. */
  static StepMatcher any() {
    return (table, event) -> true;
  }
}
