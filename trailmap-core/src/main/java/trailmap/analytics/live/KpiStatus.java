package trailmap.analytics.live;

import java.util.Locale;

/** How a KPI stands against its target on the data. */
public enum KpiStatus {
  /** Measured with enough observations and at or beyond the target in the better direction. */
  ON_TARGET,
  /** Measured with enough observations and short of the target. */
  OFF_TARGET,
  /** Measured, but the KPI has no target to compare with. */
  NO_TARGET,
  /** The metric is computable but too few observations stand behind the value. */
  NOT_ENOUGH_DATA,
  /** The metric is free text (or its unit does not fit): the team's own figure stands. */
  NOT_MEASURED;

  /** The name in answers: {@code on-target}, {@code off-target}, … */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
