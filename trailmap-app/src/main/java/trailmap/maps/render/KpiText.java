package trailmap.maps.render;

import java.math.BigDecimal;
import java.math.RoundingMode;
import trailmap.maps.Kpi;

/** Writes a KPI as one short line, e.g. {@code Trial → paid: 25 % (now 12 %)}. */
final class KpiText {
  /** Keeps a value and its unit on one line when the KPI wraps. */
  static final String NO_BREAK_SPACE = "\u00A0";

  private KpiText() {}

  /**
   * The KPI's name, its target and, when measured, its current value; values keep at most two
   * decimals and the unit follows after a no-break space.
   */
  static String of(Kpi kpi) {
    StringBuilder text = new StringBuilder(kpi.name());
    kpi.target().ifPresent(target -> text.append(": ").append(value(target, kpi.unit())));
    kpi.current()
        .ifPresent(
            current ->
                text.append(kpi.target().isPresent() ? " (now " : ": now ")
                    .append(value(current, kpi.unit()))
                    .append(kpi.target().isPresent() ? ")" : ""));
    return text.toString();
  }

  private static String value(double value, String unit) {
    String number =
        BigDecimal.valueOf(value)
            .setScale(2, RoundingMode.HALF_UP)
            .stripTrailingZeros()
            .toPlainString();
    return unit.isEmpty() ? number : number + NO_BREAK_SPACE + unit;
  }
}
