package trailmap.flows.engine;

import java.util.Locale;

/** How a profile's run through a flow ended. */
public enum Outcome {
  /** Reached a goal. */
  CONVERTED,
  /** Removed by an exit rule. */
  EXITED,
  /** Ran out of steps. */
  COMPLETED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
