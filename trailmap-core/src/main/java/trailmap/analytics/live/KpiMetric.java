package trailmap.analytics.live;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import trailmap.analytics.stats.Interval;
import trailmap.maps.HypothesisMetric;

/**
 * A KPI's {@code metric} when it names a figure the events give: one of the hypothesis metric names
 * ({@code conversion}, {@code drop-off}, {@code time-to-next}, {@code nps}, {@code csat}, {@code
 * ces}), any case, optionally followed by {@code to ID} for the first three ({@code conversion to
 * trial-signup}; a touchpoint id for a touchpoint's KPI, a stage id for a stage's). Anything else
 * is free text and not measured.
 *
 * @param to where conversion, drop-off and time to next lead; empty means "any later touchpoint"
 *     (or stage), unless a hypothesis on the touchpoint names one
 */
public record KpiMetric(HypothesisMetric metric, Optional<String> to) {
  private static final Pattern FORM =
      Pattern.compile(
          "([a-z-]+)(?:\\s+to\\s+([A-Za-z0-9][A-Za-z0-9_.-]*))?", Pattern.CASE_INSENSITIVE);

  public KpiMetric {
    to = to == null ? Optional.empty() : to;
  }

  /** The computable metric this text names, or empty when it is free text. */
  public static Optional<KpiMetric> parse(String text) {
    Matcher m = FORM.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    Optional<HypothesisMetric> metric =
        HypothesisMetric.fromWireName(m.group(1).toLowerCase(Locale.ROOT));
    if (metric.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> to = Optional.ofNullable(m.group(2));
    if (to.isPresent() && !leadsOnwards(metric.get())) {
      return Optional.empty();
    }
    return Optional.of(new KpiMetric(metric.get(), to));
  }

  /** Whether the metric is measured from one place to the next (conversion, drop-off, time). */
  static boolean leadsOnwards(HypothesisMetric metric) {
    return switch (metric) {
      case CONVERSION, DROP_OFF, TIME_TO_NEXT -> true;
      case NPS, CSAT, CES -> false;
    };
  }

  /**
   * The figure (in the metric's own unit: share 0..1, seconds, NPS points, CES mean) converted to a
   * KPI's unit: shares to {@code %} (×100) or left as shares (no unit, {@code share}); seconds to
   * {@code s}, {@code min}, {@code h}, {@code d} or {@code w} (and their long names; no unit is
   * seconds); survey figures whatever the unit says. Empty when the unit does not fit the metric.
   */
  public Optional<Interval> inUnit(Interval figure, String unit) {
    String u = unit.strip().toLowerCase(Locale.ROOT);
    double factor =
        switch (metric) {
          case CONVERSION, DROP_OFF, CSAT ->
              switch (u) {
                case "%", "percent" -> 100;
                case "", "share" -> 1;
                default -> Double.NaN;
              };
          case TIME_TO_NEXT ->
              switch (u) {
                case "", "s", "sec", "second", "seconds" -> 1;
                case "min", "minute", "minutes" -> 1.0 / 60;
                case "h", "hour", "hours" -> 1.0 / 3600;
                case "d", "day", "days" -> 1.0 / 86_400;
                case "w", "week", "weeks" -> 1.0 / 604_800;
                default -> Double.NaN;
              };
          case NPS, CES -> 1;
        };
    if (Double.isNaN(factor)) {
      return Optional.empty();
    }
    return Optional.of(
        new Interval(
            figure.estimate() * factor,
            figure.low() * factor,
            figure.high() * factor,
            figure.n(),
            figure.method()));
  }

  /** The units {@link #inUnit} accepts for this metric, in words for a reason. */
  String units() {
    return switch (metric) {
      case CONVERSION, DROP_OFF, CSAT -> "% or none (a share 0..1)";
      case TIME_TO_NEXT -> "s, min, h, d or w";
      case NPS, CES -> "any";
    };
  }
}
