package trailmap.analytics.live;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** KPI values in words: at most two decimals (four significant digits), then the unit. */
final class KpiValues {
  private KpiValues() {}

  static String text(double value, String unit) {
    if (Double.isNaN(value)) {
      return "no value";
    }
    BigDecimal rounded = BigDecimal.valueOf(value).round(new MathContext(4, RoundingMode.HALF_UP));
    if (rounded.scale() > 2) {
      rounded = rounded.setScale(2, RoundingMode.HALF_UP);
    }
    String number = rounded.stripTrailingZeros().toPlainString();
    return unit.isBlank() ? number : number + " " + unit;
  }
}
