package trailmap.analytics.conversion;

import java.util.BitSet;
import trailmap.analytics.EventTable;
import trailmap.analytics.matching.TouchpointMatching;

/** Whether an event of a table is a step: an event name, or one of a set of touchpoints. */
@FunctionalInterface
public interface StepTest {
  boolean test(EventTable table, int event);

  /** Events named {@code name} (the track event or page/screen name). */
  static StepTest named(EventTable table, String name) {
    int id = table.names().lookup(name);
    return (t, event) -> t.name(event) == id;
  }

  /** Events that match any touchpoint numbered in {@code touchpoints} of {@code matching}. */
  static StepTest touchpoints(TouchpointMatching matching, BitSet touchpoints) {
    BitSet copy = (BitSet) touchpoints.clone();
    return (t, event) -> {
      for (int tp : matching.matches(event)) {
        if (copy.get(tp)) {
          return true;
        }
      }
      return false;
    };
  }
}
