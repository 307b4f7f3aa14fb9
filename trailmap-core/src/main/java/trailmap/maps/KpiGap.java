package trailmap.maps;

import java.util.Locale;
import java.util.Optional;

/**
 * How far one KPI moves from the old map to the new one: from where it stands (the old map's {@code
 * current}, else its {@code target}) to where the new map aims (the new map's {@code target}).
 * Meant for a current-state and a future-state map, but defined for any two maps.
 *
 * <p>KPIs are the same when they have the same id under the same stage or touchpoint id; failing
 * that, when a KPI id occurs exactly once among the still unmatched KPIs of each map.
 *
 * @param kpi the KPI id
 * @param name the KPI name, from the new map when the KPI is in it
 * @param stage the stage the KPI is on or under (in the new map when it is in it)
 * @param touchpoint the touchpoint the KPI is on; empty for a stage KPI
 * @param presence whether the KPI is in both maps or in one of them only
 * @param before the value it stands at in the old map: its {@code current} if set, else its {@code
 *     target}; empty when neither is set or the KPI is not in the old map
 * @param after the new map's {@code target}; empty when unset or the KPI is not in the new map
 * @param gap {@code after - before}, computed in decimal so {@code 0.3 - 0.1} is {@code 0.2}; empty
 *     unless both are present
 * @param unit the unit of the values, e.g. {@code %}; from the new map when the KPI is in it
 * @param better which way is an improvement, from the new map when the KPI is in it
 * @param improves true when the gap moves the KPI strictly in the {@code better} direction, false
 *     when it stays or moves the other way; empty when there is no gap
 */
public record KpiGap(
    String kpi,
    String name,
    String stage,
    Optional<String> touchpoint,
    Presence presence,
    Optional<Double> before,
    Optional<Double> after,
    Optional<Double> gap,
    String unit,
    Kpi.Direction better,
    Optional<Boolean> improves) {

  /** In which of the two maps a KPI is. */
  public enum Presence {
    BOTH,
    BEFORE_ONLY,
    AFTER_ONLY;

    /** The lower-case name for JSON and the CLI, e.g. {@code before-only}. */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  public KpiGap {
    if (kpi == null || name == null || stage == null || presence == null || better == null) {
      throw new IllegalArgumentException("a KPI gap needs a kpi, name, stage, presence and better");
    }
    touchpoint = touchpoint == null ? Optional.empty() : touchpoint;
    before = before == null ? Optional.empty() : before;
    after = after == null ? Optional.empty() : after;
    gap = gap == null ? Optional.empty() : gap;
    unit = unit == null ? "" : unit;
    improves = improves == null ? Optional.empty() : improves;
  }
}
