package trailmap.analytics.live;

import java.util.Optional;
import trailmap.analytics.stats.Interval;
import trailmap.maps.Kpi;

/**
 * One KPI of the map against the data.
 *
 * @param kpi the KPI as the team wrote it (its target and the team's {@code current})
 * @param metric the computable metric its {@code metric} names; empty for free text
 * @param to where an onward metric was measured to: a touchpoint or stage id, or empty for "any
 *     later one"
 * @param live the measured value in the KPI's unit with its 95% interval and n; empty when not
 *     measured
 * @param status how it stands against the target
 * @param reason the status in words, e.g. {@code 9.1 % is below the target 15 %}
 */
public record LiveKpi(
    Kpi kpi,
    Optional<KpiMetric> metric,
    Optional<String> to,
    Optional<Interval> live,
    KpiStatus status,
    String reason) {

  public LiveKpi {
    metric = metric == null ? Optional.empty() : metric;
    to = to == null ? Optional.empty() : to;
    live = live == null ? Optional.empty() : live;
    if (status == null) {
      throw new IllegalArgumentException("a live KPI needs a status");
    }
    if ((status == KpiStatus.NOT_MEASURED) == live.isPresent()) {
      throw new IllegalArgumentException(
          "KPI '" + kpi.id() + "' is " + status.wireName() + " but live is " + live);
    }
  }

  /**
   * Judges a measured value against the KPI: fewer than {@code minimumN} observations is not enough
   * data; no target is no target; else on target when the point estimate is at or beyond the target
   * in the KPI's better direction (inclusive), off target otherwise.
   */
  static LiveKpi judge(
      Kpi kpi, KpiMetric metric, Optional<String> to, Interval value, int minimumN) {
    String shown = KpiValues.text(value.estimate(), kpi.unit());
    if (!value.defined() || value.n() < minimumN) {
      return new LiveKpi(
          kpi,
          Optional.of(metric),
          to,
          Optional.of(value),
          KpiStatus.NOT_ENOUGH_DATA,
          "n = %d, below the minimum of %d".formatted(value.n(), minimumN));
    }
    if (kpi.target().isEmpty()) {
      return new LiveKpi(
          kpi,
          Optional.of(metric),
          to,
          Optional.of(value),
          KpiStatus.NO_TARGET,
          shown + "; no target");
    }
    double target = kpi.target().get();
    boolean higher = kpi.better() == Kpi.Direction.HIGHER;
    boolean on = higher ? value.estimate() >= target : value.estimate() <= target;
    String side =
        value.estimate() >= target ? (value.estimate() == target ? "at" : "above") : "below";
    String targetText = KpiValues.text(target, kpi.unit());
    return new LiveKpi(
        kpi,
        Optional.of(metric),
        to,
        Optional.of(value),
        on ? KpiStatus.ON_TARGET : KpiStatus.OFF_TARGET,
        "%s is %s the target %s (%s is better)"
            .formatted(shown, side, targetText, higher ? "higher" : "lower"));
  }

  static LiveKpi notMeasured(Kpi kpi, Optional<KpiMetric> metric, String reason) {
    return new LiveKpi(
        kpi, metric, Optional.empty(), Optional.empty(), KpiStatus.NOT_MEASURED, reason);
  }
}
