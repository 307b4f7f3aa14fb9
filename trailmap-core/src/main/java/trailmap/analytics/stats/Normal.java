package trailmap.analytics.stats;

/**
 * The standard normal distribution: its CDF through the regularized incomplete gamma function (Φ(z)
 * = 1 − Q(½, z²/2)/2 for z ≥ 0, series or continued fraction as in Numerical Recipes §6.2), so
 * tails keep their relative accuracy; its quantile by bisection on the CDF. Accurate to about
 * 1e-14.
 */
public final class Normal {
  private Normal() {}

  /** P(Z ≤ z). */
  public static double cdf(double z) {
    if (Double.isNaN(z)) {
      return Double.NaN;
    }
    double tail = 0.5 * upperGamma(0.5, z * z / 2);
    return z >= 0 ? 1 - tail : tail;
  }

  /** P(|Z| ≥ |z|), the two-sided p-value of a z statistic. */
  public static double twoSided(double z) {
    if (Double.isNaN(z)) {
      return Double.NaN;
    }
    return Math.min(1, upperGamma(0.5, z * z / 2));
  }

  /** The z with P(Z ≤ z) = p, for 0 < p < 1. */
  public static double quantile(double p) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("probability must be between 0 and 1, was " + p);
    }
    double low = -40;
    double high = 40;
    for (int i = 0; i < 200 && high - low > 1e-15 * Math.max(1, Math.abs(high)); i++) {
      double mid = (low + high) / 2;
      if (cdf(mid) < p) {
        low = mid;
      } else {
        high = mid;
      }
    }
    return (low + high) / 2;
  }

  /** Q(a, x) = Γ(a, x) / Γ(a), the regularized upper incomplete gamma function. */
  static double upperGamma(double a, double x) {
    if (x <= 0) {
      return 1;
    }
    double logFront = -x + a * Math.log(x) - StudentT.logGamma(a);
    if (x < a + 1) {
      // Series for P(a, x).
      double term = 1 / a;
      double sum = term;
      for (int n = 1; n < 500; n++) {
        term *= x / (a + n);
        sum += term;
        if (Math.abs(term) < Math.abs(sum) * 1e-16) {
          break;
        }
      }
      return 1 - sum * Math.exp(logFront);
    }
    // Continued fraction for Q(a, x), modified Lentz.
    double tiny = 1e-300;
    double b = x + 1 - a;
    double c = 1 / tiny;
    double d = 1 / b;
    double h = d;
    for (int i = 1; i < 500; i++) {
      double an = -i * (i - a);
      b += 2;
      d = an * d + b;
      d = Math.abs(d) < tiny ? tiny : d;
      c = b + an / c;
      c = Math.abs(c) < tiny ? tiny : c;
      d = 1 / d;
      double step = d * c;
      h *= step;
      if (Math.abs(step - 1) < 1e-16) {
        break;
      }
    }
    return Math.exp(logFront) * h;
  }
}
