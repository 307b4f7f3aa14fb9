package trailmap.maps;

import java.util.Optional;

/**
 * A key performance indicator on a stage or touchpoint, e.g. "trial to paid conversion, target 25
 * %".
 *
 * @param id stable across versions and states so a current and a future map can be compared
 * @param metric what is measured, in words or as a metric name
 * @param target the value the team aims for
 * @param unit e.g. {@code %}, {@code days}, {@code score}; empty when unitless
 * @param current the value measured today, when known
 * @param better whether a higher or a lower value is an improvement
 */
public record Kpi(
    String id,
    String name,
    String metric,
    Optional<Double> target,
    String unit,
    Optional<Double> current,
    Direction better) {

  /** Which way a KPI improves. */
  public enum Direction {
    HIGHER,
    LOWER
  }

  public Kpi {
    Ids.requireId(id, "kpi");
    Ids.requireText(name, "kpi name");
    metric = metric == null ? "" : metric;
    target = target == null ? Optional.empty() : target;
    unit = unit == null ? "" : unit;
    current = current == null ? Optional.empty() : current;
    better = better == null ? Direction.HIGHER : better;
  }
}
