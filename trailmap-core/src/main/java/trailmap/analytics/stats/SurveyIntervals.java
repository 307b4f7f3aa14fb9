package trailmap.analytics.stats;

/**
 * The 95% intervals the surveys analysis states, each from counts or sums so that partial results
 * add up before the interval is taken.
 */
public final class SurveyIntervals {
  /** The two-sided 95% normal quantile. */
  public static final double Z = 1.959963984540054;

  private SurveyIntervals() {}

  /**
   * Net Promoter Score in points (-100..100) with the adjusted-Wald interval of Rocks (2016): add 3
   * to n and ¾ to the promoter and detractor counts, then take the Wald interval of the difference
   * of the two shares, clipped to [-100, 100]. The estimate stays the plain NPS.
   *
   * @param promoters answers of 9 or 10
   * @param detractors answers of 0 to 6
   * @param n all answers
   */
  public static Interval nps(long promoters, long detractors, long n) {
    if (n <= 0) {
      return new Interval(Double.NaN, Double.NaN, Double.NaN, 0, "adjusted-wald");
    }
    double estimate = 100.0 * (promoters - detractors) / n;
    double adjustedN = n + 3;
    double p = (promoters + 0.75) / adjustedN;
    double d = (detractors + 0.75) / adjustedN;
    double centre = p - d;
    double variance = (p + d - centre * centre) / adjustedN;
    double margin = Z * Math.sqrt(variance);
    return new Interval(
        estimate,
        100 * Math.max(-1, centre - margin),
        100 * Math.min(1, centre + margin),
        n,
        "adjusted-wald");
  }

  /** A share (e.g. CSAT's share of 4s and 5s) with the Agresti–Coull interval, in [0, 1]. */
  public static Interval share(long successes, long n) {
    if (n <= 0) {
      return new Interval(Double.NaN, Double.NaN, Double.NaN, 0, "agresti-coull");
    }
    double z2 = Z * Z;
    double adjustedN = n + z2;
    double centre = (successes + z2 / 2) / adjustedN;
    double margin = Z * Math.sqrt(centre * (1 - centre) / adjustedN);
    return new Interval(
        (double) successes / n,
        Math.max(0, centre - margin),
        Math.min(1, centre + margin),
        n,
        "agresti-coull");
  }

  /**
   * A mean (e.g. CES) with Student's t interval from the count, sum and sum of squares. With one
   * observation the interval is the whole scale, [scaleMin, scaleMax]: one answer says nothing
   * about spread.
   */
  public static Interval mean(
      long n, double sum, double sumOfSquares, double scaleMin, double scaleMax) {
    if (n <= 0) {
      return new Interval(Double.NaN, Double.NaN, Double.NaN, 0, "t");
    }
    double mean = sum / n;
    if (n == 1) {
      return new Interval(mean, scaleMin, scaleMax, 1, "t");
    }
    double variance = Math.max(0, (sumOfSquares - n * mean * mean) / (n - 1));
    double margin = StudentT.quantile(0.975, n - 1) * Math.sqrt(variance / n);
    return new Interval(
        mean, Math.max(scaleMin, mean - margin), Math.min(scaleMax, mean + margin), n, "t");
  }
}
